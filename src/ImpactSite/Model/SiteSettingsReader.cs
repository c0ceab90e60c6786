using ImpactSite.Load;
using ImpactSite.Content;

namespace ImpactSite.Model;

public static class SiteSettingsReader
{
    public static SiteSettings? Read(YamlFields f)
    {
        f.CheckUnknownKeys(ContentKeys.Site);
        var title = f.Text("title", required: true, example: "Northmoor involvement impact");
        var baseUrl = ReadBaseUrl(f);
        var overdue = f.WholeNumber("overdue_after_days");
        if (overdue is <= 0) f.Error(f.ValueAt("overdue_after_days"), "'overdue_after_days' must be at least 1.");
        var frameworks = f.List("frameworks");
        foreach (var fw in frameworks.Where(fw => !Standards.Frameworks.Contains(fw.Value)))
            f.Error(fw.At, $"'{fw.Value}' is not a framework ImpactSite reports against: use {string.Join(" and/or ", Standards.Frameworks)}.");
        var repository = f.Text("repository_url");
        if (repository is not null && !Uri.TryCreate(repository, UriKind.Absolute, out _))
            f.Error(f.ValueAt("repository_url"), "'repository_url' must be an absolute address such as https://git.example.org/team/site.");
        var licence = DataLicence.Read(f);
        if (title is null || baseUrl is null) return null;
        return new SiteSettings
        {
            Title = title, BaseUrl = baseUrl,
            Language = f.Text("language") ?? "en-GB",
            Description = f.Text("description"),
            Organisation = f.Text("organisation"),
            ContactEmail = f.Text("contact_email"),
            OverdueAfterDays = overdue is > 0 ? overdue.Value : 90,
            RepositoryUrl = repository?.TrimEnd('/'),
            RepositoryPublic = f.Flag("repository_public"),
            DataLicence = licence,
            Frameworks = frameworks.Count == 0 ? [Standards.UkStandards]
                : frameworks.Select(x => x.Value).Where(Standards.Frameworks.Contains).Distinct().ToList(),
        };
    }

    static Uri? ReadBaseUrl(YamlFields f)
    {
        var text = f.Text("base_url", required: true, example: "https://impact.example.org/");
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query == "" && uri.Fragment == "")
            return new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/");
        f.Error(f.ValueAt("base_url"), $"'base_url' must be the site's full address, such as https://impact.example.org/, not '{text}'.");
        return null;
    }
}
