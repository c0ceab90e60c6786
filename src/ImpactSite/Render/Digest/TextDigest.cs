using System.Text;
using ImpactSite.Model;

namespace ImpactSite.Render.Digest;

/// <summary>
/// The digest as plain text for an e-mail body or a printout: lines wrapped at about 72 columns, no markdown
/// symbols, people only as their public credits (prose is used as its rendered plain text, where every @mention is
/// already a credit).
/// </summary>
public static class TextDigest
{
    public const int Width = 72;

    public static string Write(Digest digest)
    {
        var t = new Wrapped();
        t.Para(DigestWords.Heading);
        t.Para(digest.Site.Title);
        t.Para(DigestWords.Period(digest));
        t.Blank();
        t.Para(DigestWords.Totals(digest));

        var number = 0;
        foreach (var group in digest.Groups)
        {
            t.Blank();
            t.Blank();
            t.Para($"News from {group.Study.Title}");
            foreach (var item in group.Items) Item(t, item, ++number, digest.Since);
        }

        t.Blank();
        t.Blank();
        t.Para("Still waiting for an answer");
        if (digest.Waiting.Count == 0)
        {
            t.Blank();
            t.Para("Nothing: every suggestion has been answered.");
        }
        foreach (var d in digest.Waiting)
        {
            t.Blank();
            t.Para($"- {d.Title}" + (digest.Study is null ? $" ({d.Study.Title})." : "."), "", "  ");
            t.Para(DigestWords.Waiting(d, digest.Site.OverdueAfterDays), "  ");
            t.Line("  " + d.AbsoluteUrl);
        }

        t.Blank();
        t.Blank();
        t.Para(Footer(digest));
        return t.ToString();
    }

    static void Item(Wrapped t, DigestItem item, int number, DateOnly since)
    {
        var d = item.Decision;
        const string indent = "   ";
        t.Blank();
        t.Para($"{number}. {d.Title}", "", indent);
        t.Blank();
        t.Para($"You said: {d.YouSaid.PlainText}", indent);
        t.Para(DigestWords.RaisedLine(d), indent);
        t.Blank();
        if (item.AnsweredInPeriod)
        {
            t.Para($"What happened: {DigestWords.Status(d.Status)} Answered on {DigestWords.Date(d.Responded!.Value)}.", indent);
            if (d.WeDid is { } weDid) t.Para($"What we did: {weDid.PlainText}", indent);
            if (d.Reason is { } reason) t.Para($"Why: {reason.PlainText}", indent);
            if (d.DecidedBy is { } decidedBy) t.Para($"Decided by: {decidedBy}", indent);
        }
        else t.Para($"Where it stands: {DigestWords.Status(d.Status)}", indent);
        if (item.StepsInPeriod.Count > 0)
        {
            t.Blank();
            t.Para($"Progress since {DigestWords.Date(since)}:", indent);
            foreach (var step in item.StepsInPeriod)
                t.Para($"- {DigestWords.Date(step.Date)}, {step.StatusLabel.ToLowerInvariant()}: {step.Note.PlainText}", indent, indent + "  ");
        }
        t.Blank();
        t.Para("Read more:", indent);
        t.Line(indent + d.AbsoluteUrl);
    }

    internal static string Footer(Digest digest)
    {
        var who = digest.Site.Organisation ?? digest.Site.Title;
        var contact = digest.Site.ContactEmail is { } email ? $" Questions or comments? Write to {email}." : "";
        return $"From {who}, using the public record at {digest.Site.BaseUrl.AbsoluteUri} as it stood on {DigestWords.Date(digest.Until)}.{contact}";
    }

    /// <summary>Greedy word wrap with a hanging indent. Words longer than a line (web addresses) are never broken.</summary>
    sealed class Wrapped
    {
        readonly StringBuilder text = new();

        public void Blank() => text.Append('\n');
        public void Line(string line) => text.Append(line.TrimEnd()).Append('\n');

        public void Para(string paragraph, string indent = "", string? hanging = null)
        {
            hanging ??= indent;
            var line = new StringBuilder(indent);
            var empty = true;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    Line(line.ToString());
                    line.Clear().Append(hanging);
                    empty = true;
                }
                if (!empty) line.Append(' ');
                line.Append(word);
                empty = false;
            }
            if (!empty) Line(line.ToString());
        }

        public override string ToString() => text.ToString();
    }
}
