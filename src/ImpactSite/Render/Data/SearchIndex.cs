using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactSite.Content;
using ImpactSite.Content.Studies;
using ImpactSite.Letters;

namespace ImpactSite.Render.Data;

/// <summary>
/// search/index.json for the search page: titles, summaries, you-said/we-did and bodies as plain text, in which
/// people appear only as their public credits (mentions are resolved before the text is taken).
/// </summary>
public static class SearchIndex
{
    const int MaxTextLength = 600;
    // Serialisation code generated at compile time (SearchIndexJson below), so the native executable needs no reflection.
    static readonly SearchIndexJson Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public sealed record Item(string Title, string Url, string Kind, string? Study, string? Date, string Text);

    public static byte[] Write(SiteGraph graph) =>
        JsonSerializer.SerializeToUtf8Bytes(graph.Entries.OrderBy(e => e.Route, StringComparer.Ordinal).Select(ItemOf).ToList(), Json.ListItem);

    static Item ItemOf(Entry entry) => new(entry.Title, entry.Url, entry.SearchLabel, StudyOf(entry)?.Title,
        entry.Date?.ToString("yyyy-MM-dd"), Shorten(TextOf(entry)));

    static Study? StudyOf(Entry entry) => entry as Study ?? ((EntryKind)entry.ContentKind).StudyOf(entry);

    static string TextOf(Entry entry) =>
        entry is Study s ? $"{s.Summary.PlainText} {s.Body.PlainText}" : ((EntryKind)entry.ContentKind).SearchText(entry);

    static string Shorten(string text)
    {
        text = text.Trim();
        if (text.Length <= MaxTextLength) return text;
        var cut = text.LastIndexOf(' ', MaxTextLength);
        return text[..(cut > 0 ? cut : MaxTextLength)];
    }
}

[JsonSerializable(typeof(List<SearchIndex.Item>))]
sealed partial class SearchIndexJson : JsonSerializerContext;
