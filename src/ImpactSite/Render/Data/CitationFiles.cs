using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactSite.Content;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Data;

/// <summary>
/// "Cite this" downloads for reference managers: RIS (Zotero, EndNote, Mendeley), BibTeX and CSL-JSON. Each is made from
/// the citation alone, so it is byte for byte the same until the content it cites changes.
/// </summary>
public static class CitationFiles
{
    /// <summary>RIS: tagged lines ending CRLF, as the format requires; TY DATA for a data set.</summary>
    public static byte[] Ris(Citation c)
    {
        var lines = new List<(string Tag, string? Value)>
        {
            ("TY", c.IsDataset ? "DATA" : "ELEC"), ("TI", c.Title), ("AU", c.Author), ("PY", c.Year.ToString()),
            ("DA", c.Date.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture)), ("PB", c.Publisher),
            ("ET", c.Version), ("UR", c.Url), ("DO", c.Doi),
        };
        var text = new StringBuilder();
        foreach (var (tag, value) in lines.Where(l => l.Value is not null))
            text.Append(tag).Append("  - ").Append(OneLine(value!)).Append("\r\n");
        text.Append("ER  - \r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>BibTeX @misc (what every style knows), the organisation braced so it is not split into names.</summary>
    public static byte[] BibTex(Citation c)
    {
        var fields = new List<(string Name, string? Value)>
        {
            ("author", $"{{{Escape(c.Author)}}}"), ("title", $"{{{Escape(c.Title)}}}"), ("year", c.Year.ToString()),
            ("date", c.IsoDate), ("publisher", Escape(c.Publisher)), ("version", c.Version), ("doi", c.Doi), ("url", c.Url),
            ("howpublished", $"\\url{{{c.Url}}}"), ("note", c.IsDataset ? "Data set" : null),
        };
        var text = new StringBuilder("@misc{").Append(c.Key).Append(",\n");
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
            text.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
        text.Append("}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>CSL-JSON: the list of items citation processors (Zotero, Pandoc) read.</summary>
    public static byte[] CslJson(Citation c)
    {
        var item = new JsonObject
        {
            ["id"] = c.Key, ["type"] = c.IsDataset ? "dataset" : "webpage", ["title"] = c.Title,
            ["author"] = new JsonArray(new JsonObject { ["literal"] = c.Author }),
            ["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(c.Date.Year, c.Date.Month, c.Date.Day)) },
            ["publisher"] = c.Publisher, ["URL"] = c.Url,
        };
        if (c.Version is not null) item["version"] = c.Version;
        if (c.Doi is not null) item["DOI"] = c.Doi;
        return JsonText.Utf8(new JsonArray(item), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    static string OneLine(string value) => value.ReplaceLineEndings(" ");

    /// <summary>BibTeX's special characters, written so they print as themselves.</summary>
    static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var ch in OneLine(value))
            text.Append(ch switch
            {
                '\\' => "\\textbackslash{}", '{' => "\\{", '}' => "\\}", '~' => "\\textasciitilde{}", '^' => "\\textasciicircum{}",
                '&' or '%' or '$' or '#' or '_' => "\\" + ch,
                _ => ch.ToString(),
            });
        return text.ToString();
    }
}
