namespace ImpactSite.Validate;

/// <summary>
/// An old address in redirect_from must be one plain path on this site. Each becomes a forced rule in Netlify's
/// _redirects and a fallback page in the output folder, so anything a host reads as a pattern ('*' matches every page,
/// ':name' any segment), a second field (white space), a new line, a query or fragment, another site or a step out of
/// the output folder would let one line of front matter take pages over.
/// </summary>
public static class RedirectPath
{
    /// <summary>Why this old address cannot be used, or null when it is a plain path.</summary>
    public static string? Problem(string path)
    {
        const string Example = "write old addresses as plain paths on this site, such as /news/old-post/";
        if (path.Contains("://", StringComparison.Ordinal) || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
            return $"'{Shown(path)}' is not a path on this site: {Example}.";
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && Escaped(path, i) is { } problem) return $"'{Shown(path)}' {problem}: {Example}.";
            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
                return $"'{Shown(path)}' contains a space, tab, line break or invisible character: {Example}.";
            if (c == '*') return $"'{Shown(path)}' contains '*', which the host reads as \"any address\" (it would send every page here): list each old address in full.";
            if (c is '?' or '#') return $"'{Shown(path)}' has a query or fragment ('{c}...'), which redirects cannot match: {Example}.";
            if (c is '\\' or '"' or '<' or '>' or '|' or '^' or '`' or '{' or '}')
                return $"'{Shown(path)}' contains '{c}', which an address on this site cannot: {Example}.";
        }
        var segments = path.Split('/');
        if (segments.Any(s => s is "." or ".."))
            return $"'{Shown(path)}' contains '.' or '..' steps, which could point outside the site: {Example}.";
        if (segments.FirstOrDefault(s => s.StartsWith(':')) is { } placeholder)
            return $"'{Shown(path)}' contains '{placeholder}', which the host reads as a placeholder matching any address: list each old address in full.";
        return null;
    }

    /// <summary>
    /// A percent-escape is fine for a letter, a digit or a byte of a non-English letter (old sites have "caf%C3%A9"), but
    /// not for a character that means something in a path or a rule: the host may decode it first.
    /// </summary>
    static string? Escaped(string path, int at)
    {
        if (at + 2 >= path.Length || !char.IsAsciiHexDigit(path[at + 1]) || !char.IsAsciiHexDigit(path[at + 2]))
            return "has a '%' that is not followed by two hexadecimal digits";
        var value = Convert.ToByte(path.Substring(at + 1, 2), 16);
        return value >= 0x80 || char.IsAsciiLetterOrDigit((char)value) || value is (byte)'-' or (byte)'_' or (byte)'~'
            ? null : $"encodes the character '{Shown(((char)value).ToString())}' as {path.Substring(at, 3)}, which may be read as part of a pattern or a step";
    }

    /// <summary>The path as the message shows it: invisible characters written out, so the reader can find them.</summary>
    static string Shown(string path) => string.Concat(path.Select(c =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
