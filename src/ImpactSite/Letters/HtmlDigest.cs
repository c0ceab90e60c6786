using System.Net;
using System.Text;
using ImpactSite.Content;

namespace ImpactSite.Letters;

/// <summary>
/// A <see cref="Letter"/> as one HTML document that mail programs show well: a single column of headings, paragraphs
/// and lists (no tables for layout, no style sheet, which many mail programs drop), with inline styles only for the
/// column width, the font and the links. Every piece of text is HTML-encoded here, and prose is used as its plain text,
/// so no markup or relative link from the content reaches the e-mail. No scripts, images or forms.
/// </summary>
public static class HtmlDigest
{
    const string Column = "max-width:40em;margin:0 auto;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#ffffff";
    const string Link = "color:#0b4fa2;text-decoration:underline";
    const string Section = "font-size:20px;margin:32px 0 8px;padding-top:8px;border-top:2px solid #1b1b1b";

    public static string Write(Letter letter)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n");
        h.Append($"<html lang=\"{E(letter.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append($"<title>{E(letter.Title)}</title>\n</head>\n<body style=\"margin:0;background:#ffffff\">\n");
        h.Append($"<div style=\"{Column}\">\n");
        var inList = false;
        foreach (var block in letter.Blocks)
        {
            if (inList && block is not Item)
            {
                h.Append("</ul>\n");
                inList = false;
            }
            switch (block)
            {
                case Heading { Level: 1 } head:
                    h.Append($"<h1 style=\"font-size:26px;margin:0 0 8px\">{E(head.Text)}</h1>\n");
                    break;
                case Heading { Level: 2 } head:
                    h.Append($"<h2 style=\"{Section}\">{E(head.Text)}</h2>\n");
                    break;
                case Heading head:
                    h.Append($"<h3 style=\"font-size:18px;margin:24px 0 4px\">{E(head.Text)}</h3>\n");
                    break;
                case Para p:
                    h.Append("<p>").Append(Labelled(p)).Append("</p>\n");
                    break;
                case Item item:
                    if (!inList) h.Append("<ul style=\"padding-left:20px\">\n");
                    inList = true;
                    ListItem(h, item);
                    break;
            }
        }
        if (inList) h.Append("</ul>\n");
        h.Append("</div>\n</body>\n</html>\n");
        return h.ToString();
    }

    static void ListItem(StringBuilder h, Item item)
    {
        h.Append("<li style=\"margin-bottom:16px\">");
        h.Append(item.Url is { } url ? $"<strong><a href=\"{E(url)}\" style=\"{Link}\">{E(item.Title)}</a></strong>" : $"<strong>{E(item.Title)}</strong>");
        foreach (var line in item.Lines) h.Append("<br>\n").Append(Labelled(line));
        if (item.Steps.Count > 0)
        {
            h.Append("\n<ol>\n");
            foreach (var step in item.Steps) h.Append($"<li>{E(step)}</li>\n");
            h.Append("</ol>");
        }
        h.Append("</li>\n");
    }

    static string Labelled(Para p) => p.Label is null ? E(p.Text) : $"<strong>{E(p.Label)}</strong> {E(p.Text)}";

    static string E(string text) => WebUtility.HtmlEncode(text);
}
