using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// The text of an RTF file, every group included (the document information group with its author, comments, hidden text,
/// headers): control words are dropped, those that break a line (\par, \line, \tab, \cell, \row) become spaces, \'hh
/// characters are read as Windows-1252 and \uN as Unicode (skipping the fallback characters that follow), \- (an optional
/// hyphen) joins what it sits between, and \binN data is skipped. No maintained .NET library reads RTF to text (the
/// RichTextBox route needs Windows), which is why this small reader exists.
/// </summary>
public static class RtfText
{
    static readonly string[] Destinations =
    [
        "\\info", "\\author", "\\operator", "\\title", "\\subject", "\\keywords", "\\comment", "\\doccomm", "\\company", "\\manager",
        "\\category", "\\fonttbl", "\\colortbl", "\\stylesheet", "\\header", "\\footer", "\\footnote", "\\annotation", "\\atnauthor",
        "\\atnid", "\\field", "\\fldinst", "\\fldrslt", "\\pict", "\\object", "\\f",
    ];

    static readonly Encoding Windows1252 = Encoding.Latin1; // the invariant build has no code page 1252; Latin-1 differs only in 0x80-0x9F punctuation

    /// <summary>Whether the group opening before <paramref name="at"/> starts with \* or a destination's control word.</summary>
    static bool IsDestination(string rtf, int at)
    {
        var opens = rtf.AsSpan(at);
        if (opens.StartsWith("\\*")) return true;
        foreach (var word in Destinations)
            if (opens.StartsWith(word) && (opens.Length == word.Length || !char.IsAsciiLetter(opens[word.Length]))) return true;
        return false;
    }

    public static string ToText(string rtf)
    {
        var text = new StringBuilder(rtf.Length);
        var skipFallback = 1;
        var toSkip = 0;
        var destinations = new Stack<bool>(); // whether each open group is a destination of its own (\info, \author, ...)
        for (var i = 0; i < rtf.Length;)
        {
            var c = rtf[i];
            if (c == '{')
            {
                var destination = IsDestination(rtf, i + 1);
                destinations.Push(destination);
                if (destination) text.Append(' ');
                i++;
                continue;
            }
            if (c == '}')
            {
                // The end of a destination ends its text; the end of a formatting group ({\b me}) does not split a word.
                if (destinations.TryPop(out var wasDestination) && wasDestination) text.Append(' ');
                i++;
                continue;
            }
            if (c is '\r' or '\n') { i++; continue; }
            if (c != '\\')
            {
                if (toSkip > 0) toSkip--;
                else text.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= rtf.Length) break;
            var next = rtf[i + 1];
            if (next == '\'' && i + 3 < rtf.Length && char.IsAsciiHexDigit(rtf[i + 2]) && char.IsAsciiHexDigit(rtf[i + 3]))
            {
                if (toSkip > 0) toSkip--;
                else text.Append(Windows1252.GetString([Convert.ToByte(rtf.Substring(i + 2, 2), 16)]));
                i += 4;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                text.Append(next switch { '-' => "", '~' => " ", '_' => "-", '\\' or '{' or '}' => next.ToString(), _ => " " });
                i += 2;
                continue;
            }
            var wordEnd = i + 1;
            while (wordEnd < rtf.Length && char.IsAsciiLetter(rtf[wordEnd])) wordEnd++;
            var word = rtf[(i + 1)..wordEnd];
            var numberEnd = wordEnd;
            if (numberEnd < rtf.Length && rtf[numberEnd] == '-') numberEnd++;
            while (numberEnd < rtf.Length && char.IsAsciiDigit(rtf[numberEnd])) numberEnd++;
            int.TryParse(rtf.AsSpan(wordEnd, numberEnd - wordEnd), out var number);
            i = numberEnd < rtf.Length && rtf[numberEnd] == ' ' ? numberEnd + 1 : numberEnd;
            switch (word)
            {
                case "u":
                    text.Append((char)(number < 0 ? number + 65536 : number));
                    toSkip = skipFallback;
                    break;
                case "uc": skipFallback = number; break;
                case "bin": i = Math.Min(rtf.Length, i + Math.Max(0, number)); break;
                case "par" or "line" or "tab" or "cell" or "row" or "sect" or "page": text.Append(' '); break;
            }
        }
        return text.ToString();
    }
}
