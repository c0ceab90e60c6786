using System.Globalization;
using System.Text;
using System.Xml;
using ImpactSite.Render.Pages;
using ImpactSite.Content.Settings;

namespace ImpactSite.Render.Data;

/// <summary>sitemap.xml: every published HTML page with its absolute URL under base_url (never drafts or redirects).</summary>
public static class Sitemap
{
    public static byte[] Write(SiteSettings site, IEnumerable<PlannedPage> pages)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", ns);
            foreach (var page in pages.OrderBy(p => p.Route, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, site.Absolute(page.Route));
                if (page.Updated is { } updated) xml.WriteElementString("lastmod", ns, updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }
}
