using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactSite.Text;
using ImpactSite.Content;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Pages;

/// <summary>
/// The citation of each page, study and release, made one way for the pages and the cite.* downloads. A study is cited
/// as the data set it publishes; a release as that release, with its own date, address and DOI.
/// </summary>
public sealed class Citations(SiteGraph graph)
{
    readonly SiteSettings site = graph.Site;
    string Author => site.Organisation ?? site.Title;

    /// <summary>Any page: its title, address and last meaningful change.</summary>
    public Citation ForEntry(Entry entry) => new()
    {
        Author = Author, Title = entry.Title, Date = entry.Updated ?? entry.Date ?? graph.BuildDate, Url = entry.AbsoluteUrl,
        Publisher = site.Title, Key = Key(entry.Route),
    };

    public Citation ForStudy(Study study)
    {
        var date = study.Updated ?? study.Started ?? graph.BuildDate;
        return Dataset(study, study.Title, date, study.Route, version: null, study.Doi, study.Summary.PlainText);
    }

    public Citation ForRelease(FrozenRelease frozen)
    {
        var study = frozen.Snapshot;
        var release = frozen.Release;
        return Dataset(study, $"{study.Title}: {release.Title} (release of {English.Date(release.Date)})", release.Date,
            frozen.Route, release.Id, release.Doi, study.Summary.PlainText);
    }

    Citation Dataset(Study study, string title, DateOnly date, string route, string? version, string? doi, string description)
    {
        var url = site.Absolute(route);
        var citation = new Citation
        {
            Author = Author, Title = title, Date = date, Url = url, Publisher = site.Title, Version = version, Doi = doi,
            IsDataset = true, Key = Key(route),
            Downloads = new(site.Href(route + "cite.ris"), site.Href(route + "cite.bib"), site.Href(route + "cite.json")),
        };
        return citation with
        {
            MetaTags = MetaTags(citation, study, description),
            JsonLd = JsonLd(citation, study, route, description),
        };
    }

    IReadOnlyList<MetaTag> MetaTags(Citation c, Study study, string description)
    {
        var tags = new List<MetaTag>
        {
            new("citation_title", c.Title), new("citation_author", c.Author),
            new("citation_publication_date", c.Date.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("citation_publisher", c.Publisher), new("citation_public_url", c.Url), new("citation_abstract_html_url", c.Url),
            new("citation_language", site.Language), new("citation_abstract", description),
        };
        if (c.Doi is { } doi) tags.Add(new("citation_doi", doi));
        if (study.Tags.Count > 0) tags.Add(new("citation_keywords", string.Join("; ", study.Tags)));
        return tags;
    }

    /// <summary>schema.org Dataset (what Google Dataset Search reads), with each download as a distribution.</summary>
    string JsonLd(Citation c, Study study, string route, string description)
    {
        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org", ["@type"] = "Dataset", ["name"] = c.Title, ["description"] = description,
            ["url"] = c.Url, ["identifier"] = c.DoiUrl ?? c.Url, ["inLanguage"] = site.Language, ["isAccessibleForFree"] = true,
            ["creator"] = Organisation(c.Author), ["publisher"] = Organisation(c.Publisher, site.Absolute("/")),
            [c.Version is null ? "dateModified" : "datePublished"] = c.IsoDate,
        };
        if (c.Version is { } version) dataset["version"] = version;
        if (site.DataLicence is { } licence) dataset["license"] = licence.Url;
        if (study.Funder is { } funder) dataset["funder"] = Organisation(funder);
        if (study.Started is { } started) dataset["temporalCoverage"] = $"{started:yyyy-MM-dd}/{(study.Ended is { } ended ? ended.ToString("yyyy-MM-dd") : "..")}";
        if (study.Tags.Count > 0) dataset["keywords"] = new JsonArray([.. study.Tags.Select(t => (JsonNode)t)]);
        dataset["distribution"] = new JsonArray(
            Download("text/csv", site.Absolute(route + "evidence.csv")), Download("application/json", site.Absolute(route + "evidence.json")));
        // Non-ASCII stays as it is (so the withheld-name check reads it as a reader would); <, > and & are escaped, so the
        // text can never end the script element it sits in.
        return dataset.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026");
    }

    static JsonObject Organisation(string name, string? url = null)
    {
        var organisation = new JsonObject { ["@type"] = "Organization", ["name"] = name };
        if (url is not null) organisation["url"] = url;
        return organisation;
    }

    static JsonObject Download(string format, string url) => new() { ["@type"] = "DataDownload", ["encodingFormat"] = format, ["contentUrl"] = url };

    /// <summary>"studies/bridge/releases/2026-12-01/" -> "bridge-2026-12-01": readable and unique on the site.</summary>
    static string Key(string route)
    {
        var parts = route.Trim('/').Split('/').Where(p => p is not ("studies" or "releases" or "blog" or "")).ToList();
        return parts.Count == 0 ? "home" : string.Join("-", parts);
    }
}
