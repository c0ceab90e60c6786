namespace ImpactSite.Content.Settings;

/// <summary>The keys of site.yml (contract: "site.yml"), declared once for the reader's unknown-key check and the
/// browser editor's Site settings form.</summary>
public static class SiteKeys
{
    public static readonly IReadOnlyList<KeySpec> All =
    [
        new("title", KeyType.Text, "Site title", "The site's name, shown on every page and in search results.", Need.Required),
        new("base_url", KeyType.Text, "Site address", "The site's full public address, such as https://impact.example.org/.", Need.Required),
        new("language", KeyType.Text, "Language", "The language the site is written in, such as en-GB (the default)."),
        new("description", KeyType.Text, "Description", "One or two sentences about the site, for search engines and the home page."),
        new("organisation", KeyType.Text, "Organisation", "Who runs the site, shown in the footer."),
        new("contact_email", KeyType.Text, "Contact e-mail", "Where readers can write to, shown in the footer."),
        new("overdue_after_days", KeyType.WholeNumber, "Overdue after (days)", "An unanswered suggestion older than this many days is shown as overdue (default 90)."),
        new("repository_url", KeyType.Text, "Source repository", "Where the site's files live, for \"history of this page\" links, such as https://github.com/team/site."),
        new("repository_public", KeyType.Boolean, "Repository is public", "Tick only if anyone can read the repository: pages then link to the exact version they were built from."),
        new("frameworks", KeyType.Choices, "Involvement frameworks", "Which frameworks the impact pages report against (the UK Standards by default).") { Values = Standards.Frameworks },
        new("unchecked_files", KeyType.Steps, "Files published unchecked", "Files under assets/ whose contents the build cannot read for names, published anyway: each with the reason it is safe.")
        {
            Fields =
            [
                new("path", KeyType.Text, "File", "The file's path in the input folder, such as assets/files/interview.mp3.", Need.Required),
                new("reason", KeyType.Text, "Why it is safe", "Why it can be published although the build cannot check it.", Need.Required),
            ],
        },
        new("data_licence", KeyType.Text, "Data licence", "The licence of the evidence downloads, as an SPDX identifier such as CC-BY-4.0. Without one, the data says no licence was given."),
    ];
}
