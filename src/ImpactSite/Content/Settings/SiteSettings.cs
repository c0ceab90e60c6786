using System.Buffers;
using ImpactSite.Content;

using ImpactSite.Validate;

namespace ImpactSite.Content.Settings;

/// <summary>An asset site.yml allows to be published although the build cannot read it for names (unchecked_files).</summary>
public sealed record UncheckedFile(string Path, string Reason, SourceLocation At);

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
    /// <summary>'repository_public: true': only then may pages link to a commit (a private repository's links are dead ends
    /// at best, and name what is not meant to be seen).</summary>
    public bool RepositoryPublic { get; init; }
    /// <summary>'data_licence', or null when none was given.</summary>
    public DataLicence? DataLicence { get; init; }
    public IReadOnlyList<string> Frameworks { get; init; } = [Standards.UkStandards];
    public IReadOnlyList<UncheckedFile> UncheckedFiles { get; init; } = [];

    /// <summary>The path part of base_url ("/" or "/impact/"), so a site can live below a domain's root.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    /// <summary>A site route such as "/studies/x/" as a link that works wherever the site is hosted.</summary>
    public string Href(string route) => BasePath + route.TrimStart('/');

    /// <summary>
    /// A site route as a full address under base_url. The site's own routes (slugs, fixed names) are plain ASCII and
    /// are appended as they are, which is what System.Uri gives too, at a fraction of its cost per page; anything else,
    /// such as an old address in redirect_from with an accent or a colon, is resolved and escaped by System.Uri.
    /// </summary>
    public string Absolute(string route)
    {
        var path = route.TrimStart('/');
        return IsPlain(path) ? BaseUrl.AbsoluteUri + path : new Uri(BaseUrl, path).AbsoluteUri;
    }

    static readonly SearchValues<char> PlainPathChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~./");

    /// <summary>Characters System.Uri leaves as they are, and no segment starting with a dot (it removes "." and "..").</summary>
    static bool IsPlain(string path) =>
        !path.AsSpan().ContainsAnyExcept(PlainPathChars) && !path.StartsWith('.') && !path.Contains("/.", StringComparison.Ordinal);
}
