namespace ImpactSite.Privacy;

/// <summary>
/// LaTeX and BibTeX as the typeset document shows them: braces split no word ({L}ee), accents are commands (\'e,
/// \"{o}, \c{c}) and so are some letters (\o, \ss, \l, \aa), a '~' is a space, a comment (to the end of its line)
/// joins that line to the next, ^^XX is a character, and other commands (\textbf, \emph) are not seen.
/// </summary>
public static class TexText
{
    /// <summary>The combining accent each accent command puts on the letter after it.</summary>
    static readonly Dictionary<char, char> Accents = new()
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['"'] = '\u0308', ['~'] = '\u0303', ['='] = '\u0304', ['.'] = '\u0307',
        ['c'] = '\u0327', ['v'] = '\u030C', ['u'] = '\u0306', ['H'] = '\u030B', ['k'] = '\u0328', ['r'] = '\u030A', ['d'] = '\u0323', ['b'] = '\u0331',
    };

    static readonly Dictionary<string, string> Letters = new(StringComparer.Ordinal)
    {
        ["o"] = "ø", ["O"] = "Ø", ["ss"] = "ß", ["l"] = "ł", ["L"] = "Ł", ["aa"] = "å", ["AA"] = "Å", ["ae"] = "æ", ["AE"] = "Æ",
        ["oe"] = "œ", ["OE"] = "Œ", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð", ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ",
    };

    public static void Read(DecodedText text, TextReading reading, string? part)
    {
        var s = text.Text;
        var into = new DecodedTextBuilder();
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            var origin = text.Origin(i);
            switch (c)
            {
                case '{' or '}':
                    i++;
                    continue;
                case '~':
                    into.Append(' ', origin);
                    i++;
                    continue;
                case '%':
                    // A comment runs to the end of the line, and takes the line break and the next line's indent with it.
                    var end = s.IndexOf('\n', i);
                    i = end < 0 ? s.Length : end + 1;
                    while (i < s.Length && s[i] is ' ' or '\t') i++;
                    continue;
                case '^' when i + 3 < s.Length && s[i + 1] == '^' && char.IsAsciiHexDigit(s[i + 2]) && char.IsAsciiHexDigit(s[i + 3]):
                    into.Append((char)Convert.ToInt32(s.Substring(i + 2, 2), 16), origin);
                    i += 4;
                    continue;
                case '\\' when i + 1 < s.Length:
                    i = Command(s, i, into, origin);
                    continue;
            }
            into.Append(c, origin);
            i++;
        }
        reading.Scan(into.ToDecodedText(), Markup.None, part);
    }

    /// <summary>The command at s[at] ('\'): its letter or accented letter written out, or nothing; returns where it ends.</summary>
    static int Command(string s, int at, DecodedTextBuilder into, int origin)
    {
        var i = at + 1;
        var name = char.IsAsciiLetter(s[i]) ? s[i..].TakeWhile(char.IsAsciiLetter).Count() : 1;
        var command = s.Substring(i, name);
        i += name;
        if (name > 1 || char.IsAsciiLetter(command[0])) while (i < s.Length && s[i] is ' ' or '\t') i++;
        if (command.Length == 1 && Accents.TryGetValue(command[0], out var accent))
        {
            // The accented letter: the next letter, inside braces or not (\'e, \'{e}, \c{c}), or a dotless \i.
            var j = i;
            while (j < s.Length && s[j] == '{') j++;
            if (j + 1 < s.Length && s[j] == '\\' && s[j + 1] is 'i' or 'j') j++;
            if (j < s.Length && char.IsLetter(s[j]))
            {
                into.Append(s[j], origin).Append(accent, origin);
                return j + 1;
            }
        }
        if (Letters.TryGetValue(command, out var letter)) into.Append(letter, origin);
        else if (command is "\\" or "par" or "newline" or "and" or "item" or "," or ";" or ":" or "!" or " " or "quad" or "qquad") into.Append(' ', origin);
        else if (!char.IsAsciiLetter(command[0]) && command is not ("-" or "/" or "@")) into.Append(command[0], origin); // \% \& \$ \# \_
        return i;
    }
}
