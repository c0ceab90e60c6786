using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactSite.Cli;
using ImpactSite.Content.People;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;
using static ImpactSite.Tests.Privacy.TextEncodings;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Issue 26: a withheld name stays withheld in every text encoding a reader's program decodes. Each text format is
/// written with the name folded, wrapped and encoded at random places as its writers do (calendars, contacts, LDIF,
/// mail, settings and data files, LaTeX, data: addresses, uuencode): the file is refused at the line where the encoded
/// name starts, and the same file with a public name is published byte for byte. A text format the guard cannot
/// decode is refused with a located error naming unchecked_files.
/// </summary>
public sealed class TextEncodingTests
{
    /// <summary>TempSite's people: whose names are withheld (pseudonym, role, withdrawn), and the public names.</summary>
    static readonly (string Id, string Name)[] WithheldNames = [("kite", "Zebedee Withheldname"), ("quiet", "Quentin Hiddensurname"), ("gone", "Wilhelmina Withdrawnperson")];
    static readonly string[] PublicNames = ["Ana Testperson", "Kite", "Carer representative"];

    static readonly Person[] People =
    [
        new() { Id = "ana", ChosenCredit = CreditKind.Name, Name = "Ana Testperson", At = new("people.yml", 1, 3) },
        new() { Id = "kite", ChosenCredit = CreditKind.Pseudonym, Pseudonym = "Kite", Name = "Zebedee Withheldname", At = new("people.yml", 5, 3) },
        new() { Id = "quiet", ChosenCredit = CreditKind.Role, Role = "Carer representative", Name = "Quentin Hiddensurname", At = new("people.yml", 10, 3) },
        new() { Id = "gone", ChosenCredit = CreditKind.Name, Name = "Wilhelmina Withdrawnperson", Withdrawn = true, At = new("people.yml", 15, 3) },
    ];

    /// <summary>A published text file with a name in it, and the line where the name's encoded form starts.</summary>
    public sealed record Written(string Path, byte[] Content, int Line);

    /// <summary>One way a format's writer puts a name in a file.</summary>
    public sealed record Format(string Kind, Func<string, Random, Written> Write)
    {
        public override string ToString() => Kind;
    }

    static Written Text(string path, Writer w) => new(path, Encoding.UTF8.GetBytes(w.ToString()), w.NameLine);

    /// <summary>A folded content line with the name in it (its first character at <paramref name="nameAt"/>); the file
    /// is kept as bytes, since folding may split a letter's UTF-8 bytes.</summary>
    static Written Folded(string path, string before, string line, int nameAt, string after, Random r)
    {
        var (bytes, markedLine) = Fold(line, nameAt, r);
        var first = 1 + before.Count(c => c == '\n');
        return new(path, [.. Encoding.UTF8.GetBytes(before), .. bytes, .. Encoding.UTF8.GetBytes(after)], first + markedLine);
    }

    /// <summary>A name's given and family names (a pseudonym is all family name).</summary>
    static (string Given, string Family) Parts(string name) =>
        name.LastIndexOf(' ') is var space and > 0 ? (name[..space], name[(space + 1)..]) : ("", name);

    static string Escaped(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,").Replace(";", "\\;").Replace("\n", "\\n");

    public static readonly Format[] Formats =
    [
        new("iCalendar property, folded and escaped", (name, r) =>
        {
            const string Before = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:1@test\r\nDTSTART:20261120T100000Z\r\n";
            var (prefix, suffix) = r.Next(5) switch
            {
                0 => ("SUMMARY:LEAP North\\, with ", "\\; agenda"),
                1 => ("DESCRIPTION:Minutes\\nTaken by ", "\\nThanks all\\, see you"),
                2 => ("ATTENDEE;CN=\"", "\";ROLE=REQ-PARTICIPANT:mailto:a@test.example"),
                3 => ("ORGANIZER;CN=", ":mailto:chair@test.example"),
                _ => ("X-ALT-DESC;FMTTYPE=text/html:<p>Chaired by <b>", "</b></p>"),
            };
            return Folded("assets/files/meeting.ics", Before, prefix + name + suffix, prefix.Length, "END:VEVENT\r\nEND:VCALENDAR\r\n", r);
        }),
        new("vCard property, folded, escaped or caret-encoded", (name, r) =>
        {
            var (given, family) = Parts(name);
            var (line, at) = r.Next(4) switch
            {
                0 => ($"NOTE:Met {Escaped(name)}\\, twice", 9),
                1 => ($"N:{family};{given};;;", 2),
                2 => ($"ADR;LABEL=\"Flat 1^n{name}^nLeeds\":;;1 Road;Leeds;;LS1;UK", 19),
                _ => ($"RELATED;TYPE=friend;VALUE=text:{Escaped(name)}", 31),
            };
            return Folded("assets/files/contact.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Contact\r\n", line, at, "END:VCARD\r\n", r);
        }),
        new("vCard 2.1 quoted-printable value with soft line breaks", (name, r) =>
        {
            var w = new Writer().Add("BEGIN:VCARD\r\nVERSION:2.1\r\n");
            var note = $"Thanks to {name}, who chaired.";
            var (qp, markedLine) = QuotedPrintable(note, 10, r);
            w.SetNameLine(w.Line + markedLine).Add($"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{qp}\r\n");
            return Text("assets/files/contact.vcf", w.Add("END:VCARD\r\n"));
        }),
        new("vCard base64 value", (name, r) =>
        {
            var w = new Writer().Add("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Contact\r\n");
            var (b64, markedLine) = Base64($"Notes: {name} chaired.", 7, r);
            w.SetNameLine(w.Line + markedLine).Add($"NOTE;ENCODING=b:{b64.Replace("\r\n", "\r\n ")}\r\n");
            return Text("assets/files/contact.vcf", w.Add("END:VCARD\r\n"));
        }),
        new("LDIF base64 value, folded", (name, r) =>
        {
            var w = new Writer().Add("version: 1\ndn: cn=chair,dc=test\nobjectClass: person\n");
            var (b64, markedLine) = Base64($"Chair {name}", 6, r);
            w.SetNameLine(w.Line + markedLine).Add($"cn:: {b64.Replace("\r\n", "\n ")}\n");
            return Text("assets/files/people.ldif", w.Add("sn: Chair\n"));
        }),
        new("mail subject in encoded words", (name, r) =>
        {
            var w = new Writer().Add("From: chair@test.example\r\nTo: leap@test.example\r\nMIME-Version: 1.0\r\n");
            var line = w.Line;
            w.Add($"Subject: Minutes from {EncodedWords(name, r)}\r\n");
            return Text("assets/files/minutes.eml", w.SetNameLine(line).Add("Content-Type: text/plain; charset=utf-8\r\n\r\nSee the minutes.\r\n"));
        }),
        new("mail body in quoted-printable", (name, r) =>
        {
            var w = new Writer().Add("From: chair@test.example\r\nSubject: Minutes\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
            var body = $"Dear all,\r\nthe meeting was chaired by {name}.\r\n";
            var (qp, markedLine) = QuotedPrintable(body, body.IndexOf(name, StringComparison.Ordinal), r);
            return Text("assets/files/minutes.eml", w.SetNameLine(w.Line + markedLine).Add(qp));
        }),
        new("mail html part in base64, in a multipart message", (name, r) =>
        {
            var w = new Writer().Add("From: chair@test.example\r\nSubject: Minutes\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee the HTML.\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            var html = $"<p>Chaired by <em>{name}</em>.</p>";
            var (b64, markedLine) = Base64(html, html.IndexOf(name, StringComparison.Ordinal), r);
            w.SetNameLine(w.Line + markedLine).Add(b64 + "\r\n--b1--\r\n");
            return Text("assets/files/minutes.eml", w);
        }),
        new("mail attachment named in RFC 2231 sections", (name, r) =>
        {
            var w = new Writer().Add("From: chair@test.example\r\nSubject: Minutes\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XYZ\r\n\r\n--XYZ\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n--XYZ\r\nContent-Type: text/plain\r\n");
            var (parameter, section) = Rfc2231("filename", $"notes for {name}.txt", 10, r);
            w.SetNameLine(w.Line + 1 + section);
            w.Add($"Content-Disposition: attachment;\r\n {parameter}\r\nContent-Transfer-Encoding: base64\r\n\r\nTm90ZXMu\r\n--XYZ--\r\n");
            return Text("assets/files/minutes.eml", w);
        }),
        new("mail text attachment, uuencoded", (name, r) =>
        {
            var w = new Writer().Add("From: chair@test.example\r\nSubject: Minutes\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nThe notes are attached.\r\n\r\n");
            w.SetNameLine(w.Line + 1); // the first line after 'begin'
            return Text("assets/files/minutes.eml", w.Add(Uuencode("notes.txt", Encoding.UTF8.GetBytes($"Notes by {name}.\n"))));
        }),
        new("properties file, continued lines and \\u escapes", (name, r) =>
        {
            var at = r.Next(1, name.Length - 1);
            var encoded = string.Concat(name[..at].Select(c => r.Next(3) == 0 ? $"\\u{(int)c:x4}" : c.ToString()));
            var w = new Writer().Add("# minutes\ntitle=LEAP North\n");
            return Text("assets/files/minutes.properties", w.AddWithName($"chair={encoded}\\\n        {name[at..]}\n", 6));
        }),
        new("PO file, msgid split across strings", (name, r) =>
        {
            var at = r.Next(1, name.Length - 1);
            var w = new Writer().Add("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
            return Text("assets/files/site.po", w.AddWithName($"msgid \"Chaired by \"\n\"{name[..at]}\"\n\"{name[at..]}\"\nmsgstr \"\"\n", 21));
        }),
        new("YAML and JSON escapes", (name, r) =>
        {
            var at = r.Next(1, name.Length - 1);
            var encoded = string.Concat(name.Select(c => r.Next(3) == 0 ? $"\\x{(int)c:x2}" : c.ToString()));
            return r.Next(2) == 0
                ? Text("assets/files/minutes.yml", new Writer().Add("title: Minutes\n").AddWithName($"chair: \"{name[..at]}\\\n  {name[at..]}\"\n", 8))
                : Text("assets/files/minutes.json", new Writer().Add("{\n").AddWithName($"  \"chair\": \"{string.Concat(name.Select(c => $"\\u{(int)c:x4}"))}\"\n", 12).Add("}\n"));
        }),
        new("CSS escapes", (name, r) =>
        {
            var encoded = string.Concat(name.Select(c => char.IsAsciiLetter(c) && r.Next(3) == 0 ? $"\\{(int)c:x} " : c.ToString()));
            return Text("assets/files/print.css", new Writer().Add("body { color: black; }\n").AddWithName($".chair::after {{ content: \"{encoded}\"; }}\n", 26));
        }),
        new("LaTeX and BibTeX braces, accents and comments", (name, r) =>
        {
            var (given, family) = Parts(name);
            var split = r.Next(1, family.Length - 1);
            var written = r.Next(3) switch
            {
                0 => $"{{{family[..split]}}}{family[split..]}, {given}",
                1 => $"{given}~\\emph{{{family[..split]}}}{family[split..]}",
                _ => $"{given} {family[..split]}%\n    {family[split..]}",
            };
            return Text(r.Next(2) == 0 ? "assets/files/refs.bib" : "assets/files/paper.tex",
                new Writer().Add("@article{minutes2026,\n  title = {LEAP North minutes},\n").AddWithName($"  author = {{{written}}},\n", 12).Add("}\n"));
        }),
        new("data: address in a style sheet", (name, r) =>
        {
            var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{name}</text></svg>";
            var (b64, _) = Base64(svg, 0, r);
            return Text("assets/files/badge.css", new Writer().Add("body { margin: 0; }\n").AddWithName($".badge {{ background: url(data:image/svg+xml;base64,{b64.Replace("\r\n", "")}); }}\n", 25));
        }),
        new("YAML !!binary value, base64 folded over lines", (name, r) =>
        {
            var w = new Writer().Add("title: Minutes\nattachments:\n");
            var (b64, markedLine) = Base64($"Notes by {name}.\n", 9, r);
            if (r.Next(2) == 0) w.Add("  notes: !!binary |\n").SetNameLine(w.Line + markedLine).Add($"    {b64.Replace("\r\n", "\n    ")}\n");
            else w.SetNameLine(w.Line).Add($"  notes: !!binary \"{b64.Replace("\r\n", "")}\"\n");
            return Text(r.Next(2) == 0 ? "assets/files/minutes.yml" : "assets/files/minutes.yaml", w.Add("  date: 2026-11-20\n"));
        }),
        new("PEM certificate, the name in its subject", (name, r) =>
        {
            var w = new Writer().Add("The site's certificate:\n\n");
            w.SetNameLine(w.Line + 1).Add(CertificatePem(name, r) + "\n");
            return Text(r.Next(2) == 0 ? "assets/files/site.pem" : "assets/files/certificate.txt", w);
        }),
        new("OpenPGP armour, the name in a key's user ID or a signed message", (name, r) =>
        {
            var key = new byte[r.Next(20, 60)];
            r.NextBytes(key);
            var (label, packets) = r.Next(2) == 0
                ? ("PGP PUBLIC KEY BLOCK", (byte[])[.. PgpPacket(6, [4, .. key]), .. PgpPacket(13, Encoding.UTF8.GetBytes($"{name} <chair@test.example>"))])
                : ("PGP MESSAGE", PgpCompressedMessage("notes.txt", Encoding.UTF8.GetBytes($"Notes by {name}.\n")));
            var w = new Writer().Add("My key:\n");
            w.SetNameLine(w.Line + 3).Add(PgpArmour(label, packets));
            return Text(r.Next(2) == 0 ? "assets/files/chair.asc" : "assets/files/key.txt", w);
        }),
        new("data: address in a mail's HTML part, spelt with character references", (name, r) =>
        {
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Notes by {name}."));
            var encoded = string.Concat(b64.Select(c => r.Next(4) == 0 ? $"&#x{(int)c:X};" : c.ToString()));
            var scheme = r.Next(3) switch { 0 => "data&colon;text&sol;plain", 1 => "&#100;ata:text/plain", _ => "data&#x3A;text/plain" };
            var w = new Writer().Add("From: chair@test.example\r\nSubject: Notes\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>The notes:\r\n");
            return Text("assets/files/notes.eml", w.AddWithName($"<a href=\"{scheme};base64,{encoded}\">notes</a></p>\r\n", 0));
        }),
        new("ASS subtitles, override blocks and line breaks in the dialogue", (name, r) =>
        {
            var (given, family) = Parts(name);
            var split = r.Next(1, family.Length);
            var spoken = $"{given}{(r.Next(2) == 0 ? "\\N" : given.Length > 0 ? "\\h" : "")}{family[..split]}{{\\i1}}{family[split..]}";
            var w = new Writer().Add("[Script Info]\nTitle: Minutes\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
            w.SetNameLine(w.Line).Add($"Dialogue: 0,0:00:01.00,0:00:04.00,Default,,0,0,0,,{{\\an8}}Chaired by {spoken}\n");
            return Text(r.Next(2) == 0 ? "assets/files/minutes.ass" : "assets/files/minutes.ssa", w);
        }),
        new("JSON escapes, a surrogate pair for a letter beyond the BMP", (name, r) =>
        {
            // Mathematical bold capitals (U+1D400 on) fold to the ASCII letters a reader sees in them.
            var encoded = string.Concat(name.Select(c => char.IsAsciiLetterUpper(c) && r.Next(2) == 0
                ? string.Concat(char.ConvertFromUtf32(0x1D400 + c - 'A').Select(u => $"\\u{(int)u:X4}")) : c.ToString()));
            return Text("assets/files/minutes.json", new Writer().Add("{\n").AddWithName($"  \"chair\": \"{encoded}\"\n", 12).Add("}\n"));
        }),
        new("web address with an xn-- (punycode) host", (name, r) =>
        {
            var host = PunycodeLabel(name.ToLowerInvariant().Replace(' ', '-').Replace('e', 'ë'));
            return Text("assets/files/links.txt", new Writer().Add("Links:\n").AddWithName($"See https://xn--{host}.example/ for more.\n", 12));
        }),
    ];

    static IReadOnlyList<Diagnostic> Guard(Written file)
    {
        var diagnostics = new DiagnosticBag();
        LeakGuard.For(People, "/nonexistent", diagnostics).Run([new OutputFile(file.Path, file.Content, file.Path)]);
        return diagnostics.Sorted();
    }

    static Arbitrary<(Format Format, int Person, int Public, int Seed)> Cases =>
        Arb.From(from format in Gen.Elements(Formats) from person in Gen.Choose(0, WithheldNames.Length - 1)
                 from publicName in Gen.Choose(0, PublicNames.Length - 1) from seed in Gen.Choose(0, 1_000_000)
                 select (format, person, publicName, seed));

    [Property(MaxTest = 400)]
    public Property A_withheld_name_encoded_in_any_text_format_is_refused_at_its_line_and_a_public_name_passes() =>
        Prop.ForAll(Cases, c =>
        {
            var (id, name) = WithheldNames[c.Person];
            var file = c.Format.Write(name, new Random(c.Seed));
            var refused = Guard(file);
            var safe = Guard(c.Format.Write(PublicNames[c.Public], new Random(c.Seed)));
            var error = refused.SingleOrDefault(e => e.Severity == Severity.Error);
            return (error is not null && error.Path == file.Path && error.Line == file.Line && error.Message.Contains($"'{id}'")
                    && !error.Message.Contains(name.Split(' ')[1], StringComparison.OrdinalIgnoreCase) && safe.Count == 0)
                .Label($"{c.Format}: expected {file.Path}:{file.Line}, got {string.Join(" | ", refused.Select(e => e.Format("")))}; safe: {string.Join(" | ", safe.Select(e => e.Format("")))}\n{Encoding.UTF8.GetString(file.Content)}");
        });

    public static TheoryData<string> FormatKinds => [.. Formats.Select(f => f.Kind)];

    /// <summary>Through a whole build: nothing is published, and the same file with the credit is, byte for byte.</summary>
    [Theory]
    [MemberData(nameof(FormatKinds))]
    public void A_built_site_with_an_encoded_withheld_name_publishes_nothing_and_with_the_credit_publishes_the_file(string kind)
    {
        var format = Formats.Single(f => f.Kind == kind);
        using var refused = new TempSite();
        var file = format.Write("Zebedee Withheldname", new Random(26));
        refused.WriteBytes(file.Path, file.Content);
        var site = refused.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.True((file.Path, file.Line) == (error.Path, error.Line), error.Message + "\n" + Encoding.UTF8.GetString(file.Content));
        Assert.Contains("the withheld name of 'kite'", error.Message);
        Assert.DoesNotContain("Withheldname", error.Message);
        Assert.Empty(site.Files);

        var safe = format.Write("Kite", new Random(26));
        PublishedAsItIs(safe.Path, safe.Content);
    }

    /// <summary>A site with only this file beyond TempSite's builds, and publishes it byte for byte.</summary>
    public static void PublishedAsItIs(string path, byte[] content)
    {
        using var published = new TempSite();
        published.WriteBytes(path, content);
        var built = published.Build();
        Assert.True(built.Result.Succeeded, built.Errors);
        Assert.Equal(content, built.Files[path].Content);
    }

    /// <summary>HTML5's named references spell an address's punctuation too; a browser decodes them before the address
    /// (the guard alone: a web page is never published as an asset, but one inside an archive or a message is read so).</summary>
    [Theory]
    [InlineData("data&colon;text&sol;plain;base64,")]
    [InlineData("&#x64;ata&#58;text/plain&semi;base64&comma;")]
    public void A_data_address_spelt_with_named_references_is_decoded_before_it_is_read(string address)
    {
        static string Html(string address, string name) =>
            $"<!doctype html>\n<title>Notes</title>\n<p><a href=\"{address}{Convert.ToBase64String(Encoding.UTF8.GetBytes($"Notes by {name}."))}\">notes</a></p>\n";
        var error = Assert.Single(Guard(new("assets/files/notes.html", Encoding.UTF8.GetBytes(Html(address, "Zebedee Withheldname")), 3)));
        Assert.Equal(("assets/files/notes.html", 3), (error.Path, error.Line));
        Assert.Contains("'kite'", error.Message);
        Assert.Empty(Guard(new("assets/files/notes.html", Encoding.UTF8.GetBytes(Html(address, "Kite")), 3)));
    }

    [Theory]
    [InlineData("assets/files/readme.nfo", "'.nfo' files")]
    [InlineData("assets/files/notes", "no file extension")]
    public void A_text_file_of_a_kind_the_guard_cannot_decode_is_refused_at_the_file_naming_unchecked_files(string path, string reason)
    {
        using var temp = new TempSite();
        temp.Write(path, "Minutes of LEAP North, chaired by Kite.\n");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal((path, 1, 1), (error.Path, error.Line, error.Column));
        Assert.Contains(reason, error.Message);
        Assert.Contains("unchecked_files", error.Message);
        Assert.Empty(site.Files);

        temp.Write("site.yml", $"title: Test\nbase_url: https://impact.test.example/\nunchecked_files:\n  - path: {path}\n    reason: read in full, no names\n");
        var listed = temp.Build();
        Assert.True(listed.Result.Succeeded, listed.Errors);
        Assert.Equal("Minutes of LEAP North, chaired by Kite.\n", Encoding.UTF8.GetString(listed.Files[path].Content));
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Success, CheckCommand.Run(new CommonOptions.Values(temp.Input, Repo.Theme, ""), new StringWriter(), stderr));
        Assert.Contains($"site.yml:4:11: warning: '{path}' is published without being checked for names", stderr.ToString());
    }

    [Theory]
    [InlineData("assets/files/minutes.eml", "From: a@test.example\nSubject: Minutes\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: x-gzip64\n\nH4sIAAAA\n", 5, "Content-Transfer-Encoding: x-gzip64")]
    [InlineData("assets/files/minutes.eml", "From: a@test.example\nSubject: Minutes\nMIME-Version: 1.0\nContent-Type: text/plain;\n charset=x-martian\n\nKite chaired.\n", 4, "'x-martian'")]
    [InlineData("assets/files/minutes.eml", "From: a@test.example\nSubject: =?x-martian?Q?Kite?=\nMIME-Version: 1.0\n\nKite chaired.\n", 2, "'x-martian'")]
    [InlineData("assets/files/contact.vcf", "BEGIN:VCARD\nVERSION:2.1\nFN:Kite\nNOTE;ENCODING=X-COMPRESSED:abc\nEND:VCARD\n", 4, "ENCODING=X-COMPRESSED")]
    [InlineData("assets/files/contact.vcf", "BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=x-martian:Kite\nEND:VCARD\n", 3, "'x-martian'")]
    [InlineData("assets/files/minutes.eml", "From: a@test.example\nSubject: Minutes\nMIME-Version: 1.0\nContent-Type: text/x-martian\n\nKite chaired.\n", 6, "'.x-martian' files")]
    public void A_declared_encoding_the_guard_cannot_decode_is_refused_at_its_line(string path, string content, int line, string reason)
    {
        using var temp = new TempSite();
        temp.Write(path, content);
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal((path, line), (error.Path, error.Line));
        Assert.Contains(reason, error.Message);
        Assert.Contains("unchecked_files", error.Message);
        Assert.Empty(site.Files);
    }

    /// <summary>A real mail writer's message: MimeKit encodes every body and the attachment in base64.</summary>
    [Fact]
    public void A_message_written_by_MimeKit_with_the_name_only_in_encoded_parts_is_refused_and_the_credited_one_is_published()
    {
        static byte[] Message(string name)
        {
            var message = new MimeKit.MimeMessage();
            message.From.Add(new MimeKit.MailboxAddress("LEAP chair", "chair@test.example"));
            message.To.Add(new MimeKit.MailboxAddress("LEAP North", "leap@test.example"));
            message.Subject = "Minutes – LEAP North";
            var body = new MimeKit.BodyBuilder { TextBody = $"Thanks to {name} for chairing.\n", HtmlBody = $"<p>Thanks to <b>{name}</b> for chairing.</p>" };
            body.Attachments.Add("notes – ünïcode.txt", Encoding.UTF8.GetBytes($"Notes by {name}.\n"), new MimeKit.ContentType("text", "plain"));
            message.Body = body.ToMessageBody();
            foreach (var part in message.BodyParts.OfType<MimeKit.MimePart>()) part.ContentTransferEncoding = MimeKit.ContentEncoding.Base64;
            var output = new MemoryStream();
            message.WriteTo(output);
            return output.ToArray();
        }
        var withName = Message("Zebedee Withheldname");
        var lines = Encoding.UTF8.GetString(withName).Split('\n');
        Assert.DoesNotContain(lines, l => l.Contains("Withheldname"));
        using var refused = new TempSite();
        refused.WriteBytes("assets/files/minutes.eml", withName);
        var site = refused.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal("assets/files/minutes.eml", error.Path);
        Assert.Matches("^[A-Za-z0-9+/=]+\r?$", lines[error.Line - 1]); // a line of the first base64 body
        Assert.Contains("'kite'", error.Message);
        Assert.Empty(site.Files);

        PublishedAsItIs("assets/files/minutes.eml", Message("Kite"));
    }
}
