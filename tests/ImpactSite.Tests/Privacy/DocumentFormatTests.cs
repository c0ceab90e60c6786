using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using ImageMagick;
using ImpactSite.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Each kind of document a co-ordinator publishes, made by the library that really writes it, with a withheld name where
/// exporters put one (compressed page text, document properties, a word split across runs): the build refuses it at the
/// asset, and the same document without the name is published byte for byte.
/// </summary>
public sealed class DocumentFormatTests
{
    const string Name = "Zebedee Withheldname"; // kite's stored name in TempSite's people.yml
    const string Safe = "Kite chaired the meeting.";

    static (BuiltSite Refused, BuiltSite Published) BuildBoth(string path, byte[] withName, byte[] withoutName)
    {
        using var refused = new TempSite();
        refused.WriteBytes(path, withName);
        using var published = new TempSite();
        published.WriteBytes(path, withoutName);
        return (refused.Build(), published.Build());
    }

    static void AssertRefusedAtTheAssetAndTheSafeOnePublished(string path, byte[] withName, byte[] withoutName, string part)
    {
        var (refused, published) = BuildBoth(path, withName, withoutName);
        var error = Assert.Single(refused.Result.Errors);
        Assert.Equal((path, 1, 1), (error.Path, error.Line, error.Column));
        Assert.Contains("'kite'", error.Message);
        Assert.Contains(part, error.Message);
        Assert.DoesNotContain("Withheldname", error.Message);
        Assert.Empty(refused.Files);

        Assert.True(published.Result.Succeeded, published.Errors);
        Assert.Equal(withoutName, published.Files[path].Content);
    }

    static byte[] Pdf(string text, string author)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Author = author;
        builder.DocumentInformation.Title = "LEAP North minutes";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText(text, 12, new PdfPoint(40, 700), font);
        return builder.Build();
    }

    [Fact]
    public void A_pdf_with_the_name_in_its_compressed_page_text_is_refused()
    {
        var pdf = Pdf($"Minutes taken by {Name}.", "Kite");
        Assert.DoesNotContain("Withheldname", Encoding.Latin1.GetString(pdf)); // the page text is compressed, as exporters write it
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/minutes.pdf", pdf, Pdf(Safe, "Kite"), "page 1");
    }

    [Fact]
    public void A_pdf_with_the_name_only_in_its_document_properties_is_refused()
    {
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/minutes.pdf", Pdf(Safe, $"Withheldname, Zebedee"), Pdf(Safe, "Kite"), "document properties");
    }

    static byte[] Docx(string[] runs, string creator)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(runs.Select(r => new DocumentFormat.OpenXml.Wordprocessing.Run(new WordText(r) { Space = SpaceProcessingModeValues.Preserve })))));
            document.PackageProperties.Creator = creator;
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_word_document_with_the_name_split_across_runs_is_refused()
    {
        // Word splits a word into runs wherever formatting or spell-checking touched it.
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/notes.docx",
            Docx(["Thanks to Mrs Withheld", "na", "me for chairing."], "Kite"), Docx(["Thanks to Kite for chairing."], "Kite"), "word/document.xml");
    }

    [Fact]
    public void A_word_document_whose_author_is_the_name_is_refused()
    {
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/notes.docx",
            Docx([Safe], Name), Docx([Safe], "Kite"), "core");
    }

    static byte[] Xlsx(string cell)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell
            {
                CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(cell)),
            })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Attendance" }));
        }
        return stream.ToArray();
    }

    [Fact]
    public void A_spreadsheet_with_the_name_in_a_cell_is_refused()
    {
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/attendance.xlsx", Xlsx($"WITHHELDNAME, ZEBEDEE"), Xlsx("Kite"), "xl/worksheets");
    }

    static byte[] Odt(string paragraph, string creator)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
            Add("mimetype", "application/vnd.oasis.opendocument.text");
            Add("content.xml", $"""<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>{paragraph}</text:p></office:text></office:body></office:document-content>""");
            Add("meta.xml", $"""<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><meta:initial-creator>{creator}</meta:initial-creator></office:meta></office:document-meta>""");
        }
        return stream.ToArray();
    }

    [Fact]
    public void An_opendocument_text_with_the_name_split_by_a_span_is_refused()
    {
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/notes.odt",
            Odt("Zebedee <text:span>Withheld</text:span>name&#x2019;s idea", "Kite"), Odt(Safe, "Kite"), "content.xml");
    }

    [Fact]
    public void Gzip_and_tar_archives_are_read_inside()
    {
        var csv = Encoding.UTF8.GetBytes($"slug,raised_by\nd1,{Name}\n");
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/evidence.csv.gz", Disguises.Gzip(csv), Disguises.Gzip(Encoding.UTF8.GetBytes("slug,raised_by\nd1,Kite\n")), "evidence.csv");

        static byte[] Tar(string name, byte[] content)
        {
            var stream = new MemoryStream();
            using (var tar = new TarWriter(stream, leaveOpen: true))
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            return stream.ToArray();
        }
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/papers.tar.gz", Disguises.Gzip(Tar("notes.txt", csv)), Disguises.Gzip(Tar("notes.txt", "Kite"u8.ToArray())), "notes.txt");
    }

    [Fact]
    public void An_rtf_letter_is_read_with_its_information_group_and_escapes()
    {
        static byte[] Rtf(string author, string body) => Encoding.ASCII.GetBytes($"{{\\rtf1\\ansi{{\\info{{\\author {author}}}}}{{\\fonttbl{{\\f0 Arial;}}}}\\f0 {body}\\par}}");
        var (refused, _) = BuildBoth("assets/files/letter.rtf", Rtf("Kite", "Dear Mr Withheld\\-na{\\b me}"), Rtf("Kite", Safe));
        Assert.Contains(refused.Result.Errors, e => e.Path == "assets/files/letter.rtf" && e.Message.Contains("'kite'"));
        AssertRefusedAtTheAssetAndTheSafeOnePublished("assets/files/letter.rtf", Rtf("Zebedee Withheldn\\'e1me", Safe), Rtf("Kite", Safe), "its text");
    }

    static byte[] Picture(MagickFormat format, bool gps)
    {
        using var image = new MagickImage("gradient:#c04020-#2060e0", 16, 12);
        if (gps)
        {
            var exif = new ExifProfile();
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(30, 1), new Rational(1234, 100)]);
            exif.SetValue(ExifTag.GPSLatitudeRef, "N");
            exif.SetValue(ExifTag.Artist, Name);
            image.SetProfile(exif);
        }
        return image.ToByteArray(format);
    }

    [Fact]
    public void A_tiff_picture_is_refused_because_its_metadata_cannot_be_removed_and_the_same_picture_as_png_is_published()
    {
        using var refused = new TempSite();
        refused.WriteBytes("assets/images/walk.tif", Picture(MagickFormat.Tiff, gps: true));
        var site = refused.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal("assets/images/walk.tif", error.Path);
        Assert.Contains("TIFF", error.Message);
        Assert.Contains("GPS", error.Message);

        using var published = new TempSite();
        published.WriteBytes("assets/images/walk.png", Picture(MagickFormat.Png, gps: true));
        var png = published.Build();
        Assert.True(png.Result.Succeeded, png.Errors);
        Assert.DoesNotContain("Withheldname", Encoding.Latin1.GetString(png.Files["assets/images/walk.png"].Content));
    }

    /// <summary>The start of a HEIC file (an ISO media file whose brand says HEIC), as phones save photos.</summary>
    static byte[] Heic() =>
        [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0x10, .. "metaExif\0\0MM"u8];

    [Fact]
    public void A_heic_photo_is_refused_even_when_listed_as_unchecked()
    {
        using var temp = new TempSite();
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\nunchecked_files:\n  - path: assets/images/phone.heic\n    reason: a photo of the venue\n");
        temp.WriteBytes("assets/images/phone.heic", Heic());
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal("assets/images/phone.heic", error.Path);
        Assert.Contains("HEIC", error.Message);

        temp.WriteBytes("assets/images/phone.heic", Picture(MagickFormat.Jpeg, gps: true));
        var jpeg = temp.Build();
        Assert.Contains(jpeg.Result.Warnings, w => w.Path == "assets/images/phone.heic"); // cleaned; its name says the wrong format
        Assert.True(jpeg.Result.Succeeded, jpeg.Errors);
    }

    [Fact]
    public void A_photo_with_gps_inside_a_word_document_is_refused()
    {
        static byte[] WithPicture(byte[] jpeg)
        {
            var docx = new MemoryStream();
            docx.Write(Docx([Safe], "Kite"));
            using (var zip = new ZipArchive(docx, ZipArchiveMode.Update, leaveOpen: true))
            using (var entry = zip.CreateEntry("word/media/image1.jpeg").Open())
                entry.Write(jpeg);
            return docx.ToArray();
        }
        var (refused, published) = BuildBoth("assets/files/report.docx", WithPicture(Picture(MagickFormat.Jpeg, gps: true)), WithPicture(Picture(MagickFormat.Jpeg, gps: false)));
        var error = Assert.Single(refused.Result.Errors);
        Assert.Contains("word/media/image1.jpeg", error.Message);
        Assert.Contains("GPS", error.Message);
        Assert.True(published.Result.Succeeded, published.Errors);
    }
}
