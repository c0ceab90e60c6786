using System.Text;
using ImageMagick;
using ImpactSite.Render.Assets;
using ImpactSite.Validate;
using static ImpactSite.Tests.Assets.TestImages;

namespace ImpactSite.Tests.Assets;

public sealed class ImageMetadataTests
{
    static readonly string[] AllPlanted = [ExifText, XmpText, IptcText, CommentText, PngText];

    [Theory]
    [InlineData("baseline")]
    [InlineData("progressive")]
    [InlineData("cmyk")]
    public void Jpeg_loses_exif_gps_xmp_iptc_and_comment_but_keeps_icc_and_its_scans_byte_for_byte(string variant)
    {
        var original = Jpeg(variant);
        AssertPlanted(original, ExifText, XmpText, IptcText, CommentText);

        var result = Clean("photos/visit.jpg", original);

        Assert.Equal(["EXIF", "GPS", "IPTC", "XMP", "comment"], Sorted(result.Removed));
        AssertNoMetadata(result.Content);
        AssertSamePixels(original, result.Content);
        AssertSameColourProfile(original, result.Content);
        // Every segment a decoder needs (JFIF, ICC_PROFILE, Adobe, tables, frame) is kept as it was, and the scans from
        // the first SOS to EOI are the same bytes: nothing was recompressed.
        var kept = JpegSegments(original).Where(s => s.Type is not ("E1" or "ED" or "FE")).ToList();
        Assert.Equal(kept.Select(s => s.Type), JpegSegments(result.Content).Select(s => s.Type));
        Assert.Equal(kept.Select(s => s.Bytes), JpegSegments(result.Content).Select(s => s.Bytes));
        Assert.Contains(kept, s => s.Type == (variant == "cmyk" ? "EE" : "E0"));
    }

    [Fact]
    public void Png_loses_text_exif_xmp_and_time_chunks_and_keeps_every_other_chunk_as_it_was()
    {
        var original = Png();
        AssertPlanted(original, CommentText, PngText, XmpText);
        Assert.Superset(new HashSet<string> { "tEXt", "zTXt", "iTXt", "eXIf", "tIME", "iCCP" }, PngChunks(original).Select(c => c.Type).ToHashSet());

        var result = Clean("images/chart.png", original);

        Assert.Equal(["EXIF", "GPS", "PNG text", "PNG timestamp", "XMP"], Sorted(result.Removed));
        AssertNoMetadata(result.Content);
        AssertSamePixels(original, result.Content);
        AssertSameColourProfile(original, result.Content);
        var kept = PngChunks(original).Where(c => c.Type is not ("tEXt" or "zTXt" or "iTXt" or "eXIf" or "tIME")).ToList();
        Assert.Equal(kept.Select(c => c.Type), PngChunks(result.Content).Select(c => c.Type));
        Assert.Equal(kept.Select(c => c.Bytes), PngChunks(result.Content).Select(c => c.Bytes));
    }

    [Fact]
    public void WebP_loses_exif_and_xmp_chunks_and_their_vp8x_flags_and_keeps_icc_and_image_data()
    {
        var original = WebP();
        AssertPlanted(original, ExifText, XmpText);
        Assert.Equal(0x20 | 0x08 | 0x04, VP8XFlags(original) & (0x20 | 0x08 | 0x04));

        var result = Clean("images/photo.webp", original);

        Assert.Equal(["EXIF", "GPS", "XMP"], Sorted(result.Removed));
        AssertNoMetadata(result.Content);
        AssertSamePixels(original, result.Content);
        AssertSameColourProfile(original, result.Content);
        Assert.Equal(0x20, VP8XFlags(result.Content) & (0x20 | 0x08 | 0x04)); // ICC flag still set, EXIF and XMP cleared
        Assert.Equal(result.Content.Length - 8, BitConverter.ToInt32(result.Content, 4)); // the RIFF size
        var kept = WebPChunks(original).Where(c => c.Type is not ("EXIF" or "XMP " or "VP8X")).ToList();
        Assert.Equal(kept.Select(c => c.Bytes), WebPChunks(result.Content).Where(c => c.Type != "VP8X").Select(c => c.Bytes));
    }

    [Fact]
    public void Gif_loses_comments_xmp_and_iptc_extensions_and_keeps_looping_icc_and_image_data()
    {
        var original = Gif();
        AssertPlanted(original, IptcText, CommentText, XmpText);

        var result = Clean("images/wave.gif", original);

        Assert.Equal(["GIF application data", "XMP", "comment"], Sorted(result.Removed));
        AssertNoMetadata(result.Content);
        AssertSamePixels(original, result.Content);
        AssertSameColourProfile(original, result.Content);
        using var frames = new MagickImageCollection(result.Content);
        Assert.Equal(2, frames.Count);
        Assert.Equal(0u, frames[0].AnimationIterations); // NETSCAPE2.0: loop forever
        var kept = GifBlocks(original).Where(b => !IsGifMetadata(b)).ToList();
        Assert.Equal(kept.Select(b => b.Bytes), GifBlocks(result.Content).Select(b => b.Bytes));
        Assert.Contains(kept, b => Encoding.ASCII.GetString(b.Bytes).Contains("NETSCAPE2.0"));
    }

    [Fact]
    public void Data_after_the_image_end_is_dropped()
    {
        var original = PlainJpeg();
        var result = Clean("images/plain.jpg", [.. original, .. Encoding.UTF8.GetBytes(CommentText)]);

        Assert.Equal(["data after the image end"], result.Removed.ToArray());
        Assert.Equal(original, result.Content);
    }

    [Fact]
    public void An_image_without_metadata_comes_back_byte_for_byte()
    {
        var plain = PlainJpeg();
        var result = Clean("images/plain.jpg", plain);

        Assert.Empty(result.Removed);
        Assert.Equal(plain, result.Content);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("gif")]
    public void Cleaning_twice_changes_nothing_more(string format)
    {
        var once = Clean("x." + format, Sample(format)).Content;
        var twice = Clean("x." + format, once);

        Assert.Empty(twice.Removed);
        Assert.Equal(once, twice.Content);
    }

    [Fact]
    public void A_file_whose_name_disagrees_with_its_content_is_cleaned_as_what_it_really_is()
    {
        var result = Clean("images/photo.png", Jpeg());

        Assert.Contains("EXIF", result.Removed);
        AssertNoMetadata(result.Content);
        Assert.Contains("JPEG", result.Mismatch);
        Assert.Contains(".jpg", result.Mismatch);
        Assert.Null(Clean("images/photo.JPEG", Jpeg()).Mismatch);

        var diagnostics = new DiagnosticBag();
        ImageMetadata.Publish("images/photo.png", Jpeg(), diagnostics);
        Assert.Equal(Severity.Warning, Assert.Single(diagnostics.Sorted()).Severity);
    }

    [Fact]
    public void Files_that_are_not_images_are_left_alone()
    {
        var text = Encoding.UTF8.GetBytes("Thanks to " + CommentText);
        var result = ImageMetadata.Strip("docs/notes.txt", text);

        Assert.Null(result.Problem);
        Assert.Empty(result.Removed);
        Assert.Same(text, result.Content);
        Assert.False(ImageMetadata.IsImage("docs/notes.txt"));
        Assert.True(ImageMetadata.IsImage("a/B.JPG"));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("progressive")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("gif")]
    public void Every_truncation_of_an_image_is_a_problem_and_never_an_exception(string format)
    {
        var whole = Sample(format);
        for (var length = 0; length < whole.Length; length++)
        {
            var cut = whole[..length];
            var result = ImageMetadata.Strip("images/cut." + (format == "progressive" ? "jpg" : format), cut);
            Assert.True(result.Problem is not null, $"{format} cut to {length} bytes was not reported");
            Assert.Same(cut, result.Content);
            Assert.Empty(result.Removed);
        }
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("gif")]
    public void Corrupted_images_never_throw(string format)
    {
        var whole = Sample(format);
        var random = new Random(20240611);
        for (var i = 0; i < 3000; i++)
        {
            var corrupt = (byte[])whole.Clone();
            for (var n = random.Next(1, 5); n > 0; n--) corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
            var result = ImageMetadata.Strip("images/corrupt." + format, corrupt);
            Assert.True(result.Problem is null || result.Content == corrupt);
        }
    }

    [Fact]
    public void Garbage_named_as_an_image_is_reported_at_its_file()
    {
        var garbage = Encoding.UTF8.GetBytes("<html>not a picture</html>");
        Assert.Equal("its content is not a JPEG, PNG, WebP or GIF image", ImageMetadata.Strip("assets/x.jpg", garbage).Problem);
        Assert.Equal("the JPEG ends in the middle of its image data", ImageMetadata.Strip("assets/x.jpg", PlainJpeg()[..^2]).Problem);

        var diagnostics = new DiagnosticBag();
        var published = ImageMetadata.Publish("assets/x.jpg", Jpeg()[..200], diagnostics);

        Assert.Equal(
            "assets/x.jpg:1:1: error: this image could not be read to remove its hidden metadata (it ends in the middle of a JPEG segment); re-save it as a standard JPEG/PNG.",
            Assert.Single(diagnostics.Sorted()).Format("."));
        Assert.Equal(200, published.Length);
    }

    static byte[] Sample(string format) => format switch
    {
        "jpeg" => Jpeg(),
        "progressive" => Jpeg("progressive"),
        "png" => Png(),
        "webp" => WebP(),
        _ => Gif(),
    };

    static string[] Sorted(IEnumerable<string> removed) => [.. removed.Order(StringComparer.Ordinal)];

    static StripResult Clean(string path, byte[] content)
    {
        var result = ImageMetadata.Strip(path, content);
        Assert.Null(result.Problem);
        return result;
    }

    static void AssertPlanted(byte[] image, params string[] planted)
    {
        foreach (var text in planted) Assert.Contains(text, Encoding.Latin1.GetString(image));
        using var images = new MagickImageCollection(image);
        Assert.NotNull(images[0].GetExifProfile() ?? (object?)images[0].GetIptcProfile());
    }

    /// <summary>No planted text in the bytes, and nothing ImageMagick can find as a profile, comment or text property.</summary>
    static void AssertNoMetadata(byte[] image)
    {
        var bytes = Encoding.Latin1.GetString(image);
        foreach (var text in AllPlanted) Assert.DoesNotContain(text, bytes);
        Assert.DoesNotContain("Zebedee", bytes);
        using var images = new MagickImageCollection(image);
        foreach (var frame in images)
        {
            Assert.Null(frame.GetExifProfile());
            Assert.Null(frame.GetXmpProfile());
            Assert.Null(frame.GetIptcProfile());
            Assert.Null(frame.GetProfile("8bim"));
            Assert.Null(frame.Comment);
            foreach (var name in frame.AttributeNames) Assert.DoesNotContain("Zebedee", frame.GetAttribute(name) ?? "");
            Assert.Null(frame.GetAttribute("png:tIME"));
        }
    }

    static void AssertSamePixels(byte[] original, byte[] cleaned)
    {
        using var before = new MagickImageCollection(original);
        using var after = new MagickImageCollection(cleaned);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
            Assert.Equal(before[i].GetPixels().ToByteArray(PixelMapping.RGBA), after[i].GetPixels().ToByteArray(PixelMapping.RGBA));
    }

    static void AssertSameColourProfile(byte[] original, byte[] cleaned)
    {
        using var before = new MagickImage(original);
        using var after = new MagickImage(cleaned);
        Assert.NotNull(before.GetColorProfile());
        Assert.Equal(before.GetColorProfile()!.ToByteArray(), after.GetColorProfile()?.ToByteArray());
    }

    static int VP8XFlags(byte[] webp) => WebPChunks(webp).Single(c => c.Type == "VP8X").Bytes[8];

    static bool IsGifMetadata(Part block) =>
        block.Type == "extension FE"
        || block.Type == "extension FF" && Encoding.ASCII.GetString(block.Bytes, 3, 11) is not ("NETSCAPE2.0" or "ICCRGBG1012");
}
