namespace ImpactSite.Model;

/// <summary>site.yml.</summary>
public sealed class SiteSettings
{
    public required string Title { get; init; }
    /// <summary>Absolute, always ending with '/'.</summary>
    public required Uri BaseUrl { get; init; }
    public string Language { get; init; } = "en-GB";
    public string? Description { get; init; }
    public string? Organisation { get; init; }
    public string? ContactEmail { get; init; }
    public int OverdueAfterDays { get; init; } = 90;
    public string? RepositoryUrl { get; init; }
    public IReadOnlyList<string> Frameworks { get; init; } = [Standards.UkStandards];

    /// <summary>The path part of base_url ("/" or "/impact/"), so a site can live below a domain's root.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// <summary>A site route such as "/studies/x/" as a link that works wherever the site is hosted.</summary>
    public string Href(string route) => BasePath + route.TrimStart('/');

    public string Absolute(string route) => new Uri(BaseUrl, route.TrimStart('/')).AbsoluteUri;
}
