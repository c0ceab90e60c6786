using System.Text.RegularExpressions;

namespace ImpactSite.Validate;

/// <summary>
/// Alt text that says nothing about the picture: a word for "a picture" ("image", "Drawing", "photo"), or a file name
/// ("IMG_2041.jpg", the picture's own name). A screen reader would read it out instead of a description.
/// </summary>
public static partial class AltText
{
    static readonly HashSet<string> SaysNothing = new(StringComparer.OrdinalIgnoreCase)
    {
        "image", "images", "img", "picture", "pic", "photo", "photograph", "photos", "drawing", "graphic", "illustration",
        "figure", "diagram", "chart", "graph", "screenshot", "screen shot", "logo", "icon", "banner", "untitled", "alt",
        "alt text", "placeholder", "image of", "picture of", "photo of", "an image", "a picture", "a photo", "a drawing",
        "here", "this", "click here", "description", "no description",
    };

    /// <summary>The warning for an image's alt text, or null when it describes something.</summary>
    public static string? Problem(string alt, string url)
    {
        var text = alt.Trim().TrimEnd('.', ':').Trim();
        var fileName = Path.GetFileNameWithoutExtension(url.Split('?', '#')[0]);
        var meaningless = SaysNothing.Contains(text) || FileName().IsMatch(text) || CameraName().IsMatch(text)
                          || (fileName.Length > 0 && string.Equals(text, fileName, StringComparison.OrdinalIgnoreCase));
        return meaningless
            ? $"the alt text '{text}' does not say what the picture shows: describe it for someone who cannot see it, as in " +
              "![Two LEAP North members reading the new letter](...). If it is purely decorative, leave the brackets empty and add {.decorative} straight after it."
            : null;
    }

    [GeneratedRegex(@"^[\w .-]+\.(jpe?g|png|gif|webp|svg|heic|tiff?|bmp|avif)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    /// <summary>Names cameras and phones give pictures: IMG_2041, DSC01234, PXL_20250101_1200.</summary>
    [GeneratedRegex(@"^(IMG|DSC|DSCN|DSCF|PXL|DCIM|Screenshot|Photo)[ _-]?[\d_ -]+$", RegexOptions.IgnoreCase)]
    private static partial Regex CameraName();
}
