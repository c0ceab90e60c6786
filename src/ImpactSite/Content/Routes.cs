using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Studies;
namespace ImpactSite.Content;

/// <summary>Every site route in one place (as Hugo keeps one source of truth for URLs): pages, lists and data files.
/// Routes start and end with '/' for pages, or name the file; links add base_url's path (<c>SiteSettings.Href</c>).</summary>
public static class Routes
{
    public const string Home = "/", Studies = "/studies/", Blog = "/blog/", Search = "/search/", Feed = "/feed.xml",
        Sitemap = "/sitemap.xml", Robots = "/robots.txt", NotFound = "/404.html", SearchIndex = "/search/index.json",
        Redirects = "/_redirects", Theme = "/theme/", Admin = "/admin/", Researchers = "/for-researchers/", Tags = "/tags/",
        WebManifest = "/site.webmanifest",
        DataPackage = "/datapackage.json", SiteEvidenceCsv = "/evidence.csv", EvidenceSchema = "/schema/evidence-v2.json";

    public static string Study(string study) => $"/studies/{study}/";
    public static string Decisions(string study) => $"/studies/{study}/decisions/";
    public static string Decision(string study, string slug) => $"/studies/{study}/decisions/{slug}/";
    /// <summary>A study's log filtered to one status (<c>DecisionStatus</c>), so filtering needs no JavaScript.</summary>
    public static string DecisionsWithStatus(string study, string status) => $"/studies/{study}/decisions/status/{status}/";
    /// <summary>Everything tagged with a topic; <c>Topics.Slug</c> makes the slug from the tag.</summary>
    public static string Tag(string slug) => $"/tags/{slug}/";
    public static string Meetings(string study) => $"/studies/{study}/meetings/";
    public static string Meeting(string study, string slug) => $"/studies/{study}/meetings/{slug}/";
    public static string StudyFeed(string study) => $"/studies/{study}/feed.xml";
    /// <summary>A frozen release of a study, by its date ("2026-12-01").</summary>
    public static string Release(string study, string date) => $"/studies/{study}/releases/{date}/";
    /// <summary>The evidence files beside a study's page or a release's page (give that page's route).</summary>
    public static string EvidenceJson(string page) => page + "evidence.json";
    public static string EvidenceCsv(string page) => page + "evidence.csv";
    /// <summary>"Cite this" for reference managers beside a study or release page: ris, bib or json (CSL-JSON).</summary>
    public static string Cite(string page, string extension) => page + "cite." + extension;
    public static string Post(string slug) => $"/blog/{slug}/";
    public static string Page(string slug) => $"/{slug}/";

    /// <summary>Clean URLs: "/x/" is written as x/index.html; routes with a file name are written as they are.</summary>
    public static string PathOf(string route)
    {
        var path = route.AsSpan().TrimStart('/');
        return path.Length == 0 || path[^1] == '/' ? string.Concat(path, "index.html") : path.ToString();
    }
}
