using System.Globalization;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content;

/// <summary>
/// "Cite this": what a funder's report needs to reference a page, a study's data or a release for good. Nothing in it
/// changes unless the content does: no build date, no commit. A study or release is cited as a data set, with downloads
/// (RIS, BibTeX, CSL-JSON), Google Scholar's citation_* meta tags and schema.org Dataset JSON-LD.
/// </summary>
public sealed record Citation
{
    public required string Author { get; init; }
    public required string Title { get; init; }
    /// <summary>The date cited: the last meaningful change, or a release's date.</summary>
    public required DateOnly Date { get; init; }
    public required string Url { get; init; }
    public required string Publisher { get; init; }
    /// <summary>A release's version (its date); null for a live page.</summary>
    public string? Version { get; init; }
    public string? Doi { get; init; }
    public bool IsDataset { get; init; }
    /// <summary>For the BibTeX and CSL-JSON entry key, e.g. "bridge-2026".</summary>
    public required string Key { get; init; }

    public int Year => Date.Year;
    public string? DoiUrl => Doi is null ? null : Content.Studies.Doi.Url(Doi);
    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Text => $"{Author} ({Year}). {Title}{(IsDataset ? " [Data set]" : "")}. {Publisher}. {DoiUrl ?? Url}";

    /// <summary>Where the RIS, BibTeX and CSL-JSON files are, for data sets; null otherwise.</summary>
    public CitationDownloads? Downloads { get; init; }
    /// <summary>citation_* meta tags for the page's head (Google Scholar), for data sets.</summary>
    public IReadOnlyList<MetaTag> MetaTags { get; init; } = [];
    /// <summary>The schema.org Dataset as JSON, safe to place inside a script element; null unless a data set.</summary>
    public string? JsonLd { get; init; }
}

public sealed record CitationDownloads(string RisUrl, string BibTexUrl, string CslJsonUrl);

public sealed record MetaTag(string Name, string Content);
