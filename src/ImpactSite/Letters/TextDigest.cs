using System.Text;

namespace ImpactSite.Letters;

/// <summary>
/// A <see cref="Letter"/> as plain text for an e-mail body or a printout: lines wrapped at about 72 columns, headings
/// underlined, no markdown symbols. Prose is used as its rendered plain text, where every @mention is already a credit.
/// </summary>
public static class TextDigest
{
    public const int Width = 72;
    const string Indent = "   ";

    public static string Write(Letter letter)
    {
        var t = new Wrapped();
        var first = true;
        foreach (var block in letter.Blocks)
        {
            switch (block)
            {
                case Heading { Level: 1 } h:
                    t.Para(h.Text);
                    t.Line(new string('=', Math.Min(Width, h.Text.Length)));
                    break;
                case Heading h:
                    t.Blank();
                    if (h.Level == 2) t.Blank();
                    t.Para(h.Text);
                    t.Line(new string(h.Level == 2 ? '=' : '-', Math.Min(Width, h.Text.Length)));
                    break;
                case Para p:
                    if (!first) t.Blank();
                    t.Para(Labelled(p));
                    break;
                case Item item:
                    t.Blank();
                    t.Para("- " + item.Title, "", Indent);
                    foreach (var line in item.Lines) t.Para(Labelled(line), Indent);
                    var number = 0;
                    foreach (var step in item.Steps) t.Para($"{++number}. {step}", Indent, Indent + "   ");
                    if (item.Url is { } url) t.Line(Indent + url);
                    break;
            }
            first = false;
        }
        return t.ToString();
    }

    static string Labelled(Para p) => p.Label is null ? p.Text : $"{p.Label} {p.Text}";

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
