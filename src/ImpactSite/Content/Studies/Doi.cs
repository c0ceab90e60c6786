using System.Text.RegularExpressions;
using ImpactSite.Load;

namespace ImpactSite.Content.Studies;

/// <summary>
/// A Digital Object Identifier such as 10.5281/zenodo.1234567 (Zenodo mints one per tagged release). Co-ordinators paste
/// them in every form they are shown in ("doi:10...", "https://doi.org/10..."); the bare DOI is kept.
/// </summary>
public static partial class Doi
{
    [GeneratedRegex(@"^10\.[0-9]{4,9}(\.[0-9]+)*/\S+$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(doi:\s*|https?://(dx\.)?doi\.org/)", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    /// <summary>The 'doi' of a study or release, or null when absent or not a DOI (reported where it was written).</summary>
    public static string? Read(YamlFields f, string key = "doi")
    {
        if (f.Text(key) is not { } text) return null;
        var bare = Prefix().Replace(text.Trim(), "");
        if (Shape().IsMatch(bare)) return bare;
        f.Error(f.ValueAt(key), $"'{text}' is not a DOI: a DOI looks like 10.5281/zenodo.1234567 (copy it from the Zenodo record's 'DOI' badge).");
        return null;
    }

    public static string Url(string doi) => "https://doi.org/" + doi;
}
