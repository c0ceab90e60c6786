namespace ImpactSite.Content;

/// <summary>Every site route in one place (as Hugo keeps one source of truth for URLs): pages, lists and data files.
/// Routes start and end with '/' for pages, or name the file; links add base_url's path (<c>SiteSettings.Href</c>).</summary>
public static class Routes
{
    public const string Home = "/", Studies = "/studies/", Blog = "/blog/", Search = "/search/", Feed = "/feed.xml",
        Sitemap = "/sitemap.xml", Robots = "/robots.txt", NotFound = "/404.html", SearchIndex = "/search/index.json",
        Redirects = "/_redirects", Theme = "/theme/", Admin = "/admin/";

    public static string Study(string study) => $"/studies/{study}/";
    public static string Decisions(string study) => $"/studies/{study}/decisions/";
    public static string Decision(string study, string slug) => $"/studies/{study}/decisions/{slug}/";
    public static string Meetings(string study) => $"/studies/{study}/meetings/";
    public static string Meeting(string study, string slug) => $"/studies/{study}/meetings/{slug}/";
    public static string StudyFeed(string study) => $"/studies/{study}/feed.xml";
    public static string EvidenceJson(string study) => $"/studies/{study}/evidence.json";
    public static string EvidenceCsv(string study) => $"/studies/{study}/evidence.csv";
    public static string Post(string slug) => $"/blog/{slug}/";
    public static string Page(string slug) => $"/{slug}/";

    /// <summary>Clean URLs: "/x/" is written as x/index.html; routes with a file name are written as they are.</summary>
    public static string PathOf(string route)
    {
        var path = route.AsSpan().TrimStart('/');
        return path.Length == 0 || path[^1] == '/' ? string.Concat(path, "index.html") : path.ToString();
    }
}
