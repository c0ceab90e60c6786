using ImpactSite.Load;
using ImpactSite.Content;

namespace ImpactSite.Content.Settings;

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
        var uncheckedFiles = ReadUncheckedFiles(f);
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
            UncheckedFiles = uncheckedFiles,
        };
    }

    static readonly string[] UncheckedKeys = ["path", "reason"];

    /// <summary>unchecked_files: a list of {path, reason}; whether each path is an asset is checked once assets are known.</summary>
    static List<UncheckedFile> ReadUncheckedFiles(YamlFields f)
    {
        var files = new List<UncheckedFile>();
        foreach (var item in f.Mappings("unchecked_files"))
        {
            item.CheckUnknownKeys(UncheckedKeys);
            var path = item.Text("path", required: true, example: "assets/files/recording.mp3")?.Replace('\\', '/').TrimStart('/');
            var reason = item.Text("reason", required: true, example: "an audio recording: listened to in full by the co-ordinator, no names");
            if (path is null || reason is null) continue;
            if (files.FirstOrDefault(u => u.Path == path) is { } first)
                item.Error(item.ValueAt("path"), $"'{path}' is listed twice under unchecked_files (first at line {first.At.Line}): list each file once.");
            else files.Add(new UncheckedFile(path, reason, item.ValueAt("path")));
        }
        return files;
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
