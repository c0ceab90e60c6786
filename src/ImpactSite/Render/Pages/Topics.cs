using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImpactSite.Content;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Pages;

/// <summary>
/// Topic pages (/tags/&lt;slug&gt;/) and the status pages of a study's log (/studies/&lt;study&gt;/decisions/status/&lt;status&gt;/):
/// plain links, so filtering works without JavaScript. Tags are free text, so each gets a slug: letters and digits
/// without accents, in lower case, with hyphens between words. Tags that differ only in case, accents or punctuation
/// share one page; a tag with no letter or digit in it gets no page and is shown as text.
/// </summary>
public static class Topics
{
    /// <summary>Each tag's slug, made once: a site uses a few dozen tags on thousands of entries, and the preview plans the
    /// topic pages again after every edit.</summary>
    static readonly ConcurrentDictionary<string, string?> Slugs = new(StringComparer.Ordinal);

    public static string? Slug(string tag) => Slugs.GetOrAdd(tag, MakeSlug);

    static string? MakeSlug(string tag)
    {
        var slug = new StringBuilder(tag.Length);
        foreach (var c in tag.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(lower);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? null : text;
    }

    /// <summary>Every topic of the site: its slug, the name shown (as first written, in entry order) and its entries.
    /// One pass over the entries: the preview plans the topic pages again after every edit.</summary>
    public static IReadOnlyList<Topic> Of(IEnumerable<Entry> entries)
    {
        var topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var entry in entries)
            foreach (var tag in entry.Tags)
                if (Slug(tag) is { } slug)
                {
                    if (!topics.TryGetValue(slug, out var topic)) topics[slug] = topic = new Topic(slug, tag);
                    topic.Add(entry);
                }
        return [.. topics.Values.OrderBy(t => t.Slug, StringComparer.Ordinal)];
    }

    /// <summary>The status filters of a study's log, in the chart's order; <paramref name="current"/> marks the page shown.</summary>
    public static IReadOnlyList<StatusFilter> StatusFilters(Study study, SiteSettings site, string? current) =>
        study.Figures.ByStatus.Select(s => new StatusFilter(s.Status, s.Label, s.Count, site.Href(Routes.DecisionsWithStatus(study.Slug, s.Status)), s.Status == current)).ToList();

    /// <summary>The topics of a study's suggestions, each linking to the site's page about it.</summary>
    public static IReadOnlyList<TopicLink> TopicLinks(IEnumerable<Entry> entries, SiteSettings site) =>
        Of(entries).Select(t => new TopicLink(t.Title, site.Href(Routes.Tag(t.Slug)), t.Count)).ToList();
}

/// <summary>One topic: its slug (the page's address), the name shown, and every entry tagged with it.</summary>
public sealed class Topic(string slug, string title)
{
    readonly List<Entry> tagged = [];
    IReadOnlyList<Entry>? newestFirst;

    public string Slug => slug;
    public string Title => title;
    public int Count => tagged.Count;
    /// <summary>Newest first, sorted when first asked for (when the topic's page is made, not when it is planned).</summary>
    public IReadOnlyList<Entry> Entries => newestFirst ??= [.. tagged.OrderByDescending(e => e.Date)];

    /// <summary>Adds an entry once, however many of its tags share this topic's slug (they come one after another).</summary>
    internal void Add(Entry entry)
    {
        if (tagged.Count == 0 || tagged[^1] != entry) tagged.Add(entry);
    }
}

