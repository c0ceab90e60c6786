using System.Formats.Asn1;
using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// DER and BER files (X.509 certificates, certificate requests, keys, PKCS#7 and PKCS#12 bundles), as a certificate
/// viewer shows them: every string value (the subject's and issuer's names, alternative names, comments) decoded by its
/// type, and values wrapped in octet or bit strings (extensions) read as DER in turn.
/// </summary>
public static class DerText
{
    const int MaxDepth = 32;

    /// <summary>Whether the bytes are one DER or BER sequence, nothing before or after it.</summary>
    public static bool IsDer(ReadOnlySpan<byte> d)
    {
        if (d.Length < 2 || d[0] != 0x30) return false;
        try
        {
            AsnDecoder.ReadEncodedValue(d, AsnEncodingRules.BER, out _, out _, out var consumed);
            return consumed == d.Length;
        }
        catch (AsnContentException) { return false; }
    }

    /// <summary>Reads every string the values hold into the scan, a line each.</summary>
    public static void Read(ReadOnlySpan<byte> d, NameScan scan, string? part)
    {
        var strings = new List<string>();
        Values(d, strings, 0);
        scan.Read(string.Join('\n', strings), Markup.None, part);
    }

    /// <summary>The strings of a run of values; false when the bytes are not one.</summary>
    static bool Values(ReadOnlySpan<byte> d, List<string> into, int depth)
    {
        try
        {
            while (d.Length > 0)
            {
                var tag = Asn1Tag.Decode(d, out _);
                AsnDecoder.ReadEncodedValue(d, AsnEncodingRules.BER, out var offset, out var length, out var consumed);
                var content = d.Slice(offset, length);
                if (tag.IsConstructed)
                {
                    if (depth < MaxDepth) Values(content, into, depth + 1);
                }
                else if (StringOf(tag, content) is { } text) into.Add(text);
                else if (tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) || tag.HasSameClassAndValue(Asn1Tag.PrimitiveBitString))
                {
                    var wrapped = tag.HasSameClassAndValue(Asn1Tag.PrimitiveBitString) && content.Length > 0 ? content[1..] : content;
                    if (depth >= MaxDepth || !Values(wrapped, into, depth + 1)) into.Add(Printable(wrapped));
                }
                d = d[consumed..];
            }
            return true;
        }
        catch (AsnContentException) { return false; }
    }

    /// <summary>A string value's text by its type; a context-tagged primitive (an alternative name's e-mail address or
    /// host) as its printable ASCII; null for numbers, identifiers and times.</summary>
    static string? StringOf(Asn1Tag tag, ReadOnlySpan<byte> content)
    {
        if (tag.TagClass == TagClass.ContextSpecific) return Printable(content);
        if (tag.TagClass != TagClass.Universal) return null;
        return (UniversalTagNumber)tag.TagValue switch
        {
            UniversalTagNumber.UTF8String => Encoding.UTF8.GetString(content),
            UniversalTagNumber.BMPString => Encoding.BigEndianUnicode.GetString(content),
            UniversalTagNumber.UniversalString => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(content),
            UniversalTagNumber.NumericString or UniversalTagNumber.PrintableString or UniversalTagNumber.T61String
                or UniversalTagNumber.VideotexString or UniversalTagNumber.IA5String or UniversalTagNumber.GraphicString
                or UniversalTagNumber.VisibleString or UniversalTagNumber.GeneralString or UniversalTagNumber.ObjectDescriptor => Encoding.Latin1.GetString(content),
            _ => null,
        };
    }

    /// <summary>Bytes as the ASCII text they spell, anything else a space (as 'strings' reads them).</summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) text[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : ' ';
        return new string(text);
    }
}
