using ImpactSite.Content.Studies;
namespace ImpactSite.Content;

/// <summary>
/// Where a kind's files live, read from the kind's own <see cref="ContentKind.FilePath"/>, so the inventory needs no
/// pattern of its own: "studies/{study}/decisions/{slug}.md" matches studies/bridge/decisions/easy-read.md.
/// </summary>
public sealed class KindPath
{
    const string SlugMark = "\u0001slug", StudyMark = "\u0001study";
    readonly string[] parts;

    public KindPath(ContentKind kind) => parts = kind.FilePath(SlugMark, StudyMark).Split('/');

    /// <summary>The file's slug and study folder when it is one of this kind's files; null otherwise.</summary>
    public (string Slug, string? Study)? Match(IReadOnlyList<string> file)
    {
        if (file.Count != parts.Length) return null;
        string? slug = null, study = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == StudyMark) study = file[i];
            else if (part == SlugMark) slug = file[i];
            else if (part.StartsWith(SlugMark, StringComparison.Ordinal) && file[i].EndsWith(part[SlugMark.Length..], StringComparison.Ordinal)
                && file[i].Length > part.Length - SlugMark.Length)
                slug = file[i][..^(part.Length - SlugMark.Length)];
            else if (part != file[i]) return null;
        }
        return slug is null ? null : (slug, study);
    }

    /// <summary>The folder the files are in, as a co-ordinator reads it: "studies/&lt;study&gt;/decisions", "posts".</summary>
    public string Folder => string.Join('/', parts[..^1]).Replace(StudyMark, "<study>").Replace(SlugMark, "<slug>");
}
