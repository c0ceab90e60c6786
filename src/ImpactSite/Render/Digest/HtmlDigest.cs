using System.Net;
using System.Text;
using ImpactSite.Model;

namespace ImpactSite.Render.Digest;

/// <summary>
/// The digest as one standalone HTML document for e-mail or printing: a language, a title, one h1, a heading per
/// study and per suggestion, absolute links, no scripts. The CSS is inline because e-mail programs drop linked
/// style sheets. Every piece of text is HTML-encoded here; prose is used as its plain text (mentions already turned
/// into public credits), so no markup or relative link from the content reaches the e-mail.
/// </summary>
public static class HtmlDigest
{
    const string Style = """
        body { margin: 0; padding: 1rem; background: #ffffff; color: #1b1b1b; font-family: Arial, Helvetica, sans-serif; font-size: 1.05rem; line-height: 1.5; }
        main { max-width: 40rem; margin: 0 auto; }
        h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid #1b1b1b; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
        a { color: #0b4fa2; text-decoration: underline; }
        .status { font-weight: bold; }
        .address { font-size: 0.9rem; word-break: break-all; }
        .overdue { font-weight: bold; }
        ol.steps, ul.waiting { padding-left: 1.25rem; }
        footer { max-width: 40rem; margin: 2rem auto 0; font-size: 0.9rem; }
        @media print { a { color: #000000; } h2 { break-after: avoid; } article { break-inside: avoid; } }
        """;

    public static string Write(Digest digest)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n");
        h.Append($"<html lang=\"{E(digest.Site.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append($"<title>{E(DigestWords.Heading)}: {E(digest.Site.Title)}</title>\n");
        h.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");
        h.Append($"<h1>{E(DigestWords.Heading)}</h1>\n");
        h.Append($"<p>{E(digest.Site.Title)}. {E(DigestWords.Period(digest))}</p>\n");
        h.Append($"<p class=\"totals\">{E(DigestWords.Totals(digest))}</p>\n");

        var number = 0;
        foreach (var group in digest.Groups)
        {
            h.Append($"<section class=\"news\" aria-labelledby=\"study-{E(group.Study.Slug)}\">\n");
            h.Append($"<h2 id=\"study-{E(group.Study.Slug)}\">News from {E(group.Study.Title)}</h2>\n");
            foreach (var item in group.Items) Item(h, item, ++number, digest.Since);
            h.Append("</section>\n");
        }

        h.Append("<section class=\"waiting\" aria-labelledby=\"waiting\">\n<h2 id=\"waiting\">Still waiting for an answer</h2>\n");
        if (digest.Waiting.Count == 0) h.Append("<p>Nothing: every suggestion has been answered.</p>\n");
        else
        {
            h.Append("<ul class=\"waiting\">\n");
            foreach (var d in digest.Waiting)
            {
                h.Append($"<li><a href=\"{E(d.AbsoluteUrl)}\">{E(d.Title)}</a>");
                if (digest.Study is null) h.Append($" ({E(d.Study.Title)})");
                h.Append($". Raised {E(DigestWords.Date(d.Raised))}: waiting {E(DigestWords.Days(d.DaysWaiting))} ({E(d.StatusLabel.ToLowerInvariant())}).");
                if (d.Overdue) h.Append($" <span class=\"overdue\">Overdue: no answer for more than {digest.Site.OverdueAfterDays} days.</span>");
                h.Append("</li>\n");
            }
            h.Append("</ul>\n");
        }
        h.Append("</section>\n</main>\n");
        h.Append($"<footer>\n<p>{E(TextDigest.Footer(digest))}</p>\n</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    static void Item(StringBuilder h, DigestItem item, int number, DateOnly since)
    {
        var d = item.Decision;
        h.Append($"<article class=\"suggestion\" id=\"suggestion-{number}\">\n");
        h.Append($"<h3>{number}. <a href=\"{E(d.AbsoluteUrl)}\">{E(d.Title)}</a></h3>\n");
        h.Append($"<p><strong>You said:</strong> {E(d.YouSaid.PlainText)}</p>\n");
        h.Append($"<p>{E(DigestWords.RaisedLine(d))}</p>\n");
        if (item.AnsweredInPeriod)
        {
            h.Append($"<p><strong>What happened:</strong> <span class=\"status\">{E(DigestWords.Status(d.Status))}</span> Answered on {E(DigestWords.Date(d.Responded!.Value))}.</p>\n");
            if (d.WeDid is { } weDid) h.Append($"<p><strong>What we did:</strong> {E(weDid.PlainText)}</p>\n");
            if (d.Reason is { } reason) h.Append($"<p><strong>Why:</strong> {E(reason.PlainText)}</p>\n");
            if (d.DecidedBy is { } decidedBy) h.Append($"<p><strong>Decided by:</strong> {E(decidedBy)}</p>\n");
        }
        else h.Append($"<p><strong>Where it stands:</strong> <span class=\"status\">{E(DigestWords.Status(d.Status))}</span></p>\n");
        if (item.StepsInPeriod.Count > 0)
        {
            h.Append($"<p><strong>Progress since {E(DigestWords.Date(since))}:</strong></p>\n<ol class=\"steps\">\n");
            foreach (var step in item.StepsInPeriod)
                h.Append($"<li><time datetime=\"{step.Date:yyyy-MM-dd}\">{E(DigestWords.Date(step.Date))}</time>, {E(step.StatusLabel.ToLowerInvariant())}: {E(step.Note.PlainText)}</li>\n");
            h.Append("</ol>\n");
        }
        h.Append($"<p class=\"address\">Web address: {E(d.AbsoluteUrl)}</p>\n");
        h.Append("</article>\n");
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
