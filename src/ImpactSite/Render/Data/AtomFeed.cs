using System.Globalization;
using System.Text;
using System.Xml;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Posts;

namespace ImpactSite.Render.Data;

/// <summary>
/// Atom feeds of posts and decisions. A decision's entry is 'updated' when it is answered, so feed readers show
/// panel members what happened to their suggestion.
/// </summary>
public static class AtomFeed
{
    /// <summary>Feed readers need what changed recently; the full record is on the site and in evidence.json.</summary>
    public const int MaxEntries = 100;

    public static byte[] Write(SiteGraph graph, string title, string feedRoute, string pageRoute, IEnumerable<Entry> entries)
    {
        var site = graph.Site;
        var items = entries.Select(e => (Entry: e, Updated: UpdatedOf(e, graph.BuildDate)))
            .OrderByDescending(i => i.Updated).ThenBy(i => i.Entry.Route, StringComparer.Ordinal).Take(MaxEntries).ToList();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, site.Language);
            xml.WriteElementString("title", ns, title);
            xml.WriteElementString("id", ns, site.Absolute(feedRoute));
            Link(xml, ns, "self", site.Absolute(feedRoute), "application/atom+xml");
            Link(xml, ns, "alternate", site.Absolute(pageRoute), "text/html");
            // The contract: feed timestamps are the build date; each entry carries its own dates.
            xml.WriteElementString("updated", ns, Timestamp(graph.BuildDate));
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, site.Organisation ?? site.Title);
            xml.WriteEndElement();
            foreach (var (entry, updated) in items)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, TitleOf(entry));
                xml.WriteElementString("id", ns, entry.AbsoluteUrl);
                Link(xml, ns, "alternate", entry.AbsoluteUrl, "text/html");
                xml.WriteElementString("published", ns, Timestamp(entry.Date ?? updated));
                xml.WriteElementString("updated", ns, Timestamp(updated));
                if (entry is Post post)
                    foreach (var author in post.Authors)
                    {
                        xml.WriteStartElement("author", ns);
                        xml.WriteElementString("name", ns, author.Credit);
                        xml.WriteEndElement();
                    }
                xml.WriteStartElement("content", ns);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(ContentOf(entry));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    /// <summary>The last meaningful change (a decision's response or update step, a post's date), never a typo fix.</summary>
    static DateOnly UpdatedOf(Entry entry, DateOnly today) => entry.Updated ?? entry.Date ?? today;

    static string TitleOf(Entry entry) => entry is Decision d ? $"{d.Title} ({d.StatusLabel})" : entry.Title;

    static string ContentOf(Entry entry) => entry switch
    {
        Decision d => $"<p><strong>You said:</strong> {d.YouSaid.Html}</p>" +
                      (d.WeDid is null ? $"<p><strong>Status:</strong> {d.StatusLabel}</p>" : $"<p><strong>We did:</strong> {d.WeDid.Html}</p>") +
                      (d.Reason is null ? "" : $"<p><strong>Why:</strong> {d.Reason.Html}</p>"),
        Post p => (p.ContentNote is null ? "" : $"<p><strong>Content note:</strong> {System.Net.WebUtility.HtmlEncode(p.ContentNote)}</p>") + p.Body.Html,
        _ => entry.Body.Html,
    };

    static void Link(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
