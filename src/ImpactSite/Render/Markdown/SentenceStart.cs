using Markdig.Syntax.Inlines;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Whether an inline starts a sentence: it is the first text of its paragraph, heading, list item or table cell, or
/// the text before it ends a sentence ("... beside her. @carer-rep agreed"). The contract asks that a credit there
/// starts with a capital ("A Carer representative agreed"), whoever's credit it is.
/// </summary>
public static class SentenceStart
{
    public static bool IsAt(Inline inline)
    {
        for (var current = inline; current is not null; current = current.Parent)
        {
            for (var before = current.PreviousSibling; before is not null; before = before.PreviousSibling)
            {
                switch (before)
                {
                    case LineBreakInline:
                        continue;
                    case LiteralInline literal:
                        var text = literal.Content.ToString().TrimEnd();
                        if (text.Length == 0) continue;
                        return EndsSentence(text);
                    default:
                        // Markup before it (a link, emphasis, code): a sentence goes on unless its text ended one.
                        return EndsSentence(TextOf(before).TrimEnd());
                }
            }
            // Nothing before it in this container: look before the container (emphasis, a link) unless it is the block's own text.
            if (current.Parent is null) return true;
        }
        return true;
    }

    /// <summary>Ends with a full stop, '!' or '?', perhaps followed by closing quotes or brackets.</summary>
    static bool EndsSentence(string text)
    {
        var end = text.TrimEnd('"', '\'', '”', '’', ')', ']');
        return end.Length > 0 && end[^1] is '.' or '!' or '?';
    }

    static string TextOf(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        ContainerInline container => string.Concat(container.Select(TextOf)),
        _ => "",
    };

    /// <summary>The text with its first letter in capitals ("a LEAP member" becomes "A LEAP member"); the rest as it was.</summary>
    public static string Capitalise(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i])) continue;
            return char.IsUpper(text[i]) ? text : string.Concat(text.AsSpan(0, i), char.ToUpperInvariant(text[i]).ToString(), text.AsSpan(i + 1));
        }
        return text;
    }
}
