using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImpactSite.Content;
using ImpactSite.Content.Settings;

namespace ImpactSite.Render.Data;

/// <summary>
/// /datapackage.json: a Frictionless (tabular) Data Package, so one address gives a funder or a tool every study's
/// evidence with a Table Schema for each CSV and the licence. Paths are relative to the package, so it works wherever
/// the site is hosted. The columns and their types are <see cref="Evidence.Columns"/>: what is written is what is described.
/// </summary>
public static partial class DataPackage
{
    public const string Route = "/datapackage.json";
    public const string SiteTableRoute = "/evidence.csv";

    public static byte[] Write(SiteGraph graph)
    {
        var site = graph.Site;
        var package = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = NameOf(site.BaseUrl.Host + site.BasePath),
            ["title"] = $"{site.Title}: involvement evidence",
            ["description"] = "Every study's \"you said, we did\" decision log: what contributors suggested and what happened to it." +
                              (site.DataLicence is null ? " No licence was given for this data." : ""),
            ["homepage"] = site.Absolute("/"),
        };
        if (site.DataLicence is { } licence)
            package["licenses"] = new JsonArray(new JsonObject { ["name"] = licence.Id, ["path"] = licence.Url });
        var resources = new JsonArray();
        foreach (var study in graph.Studies)
        {
            resources.Add((JsonNode)Resource($"{study.Slug}-evidence", study.Route + "evidence.csv", $"{study.Title}: decision log",
                TableSchema(Evidence.Columns, ["slug"])));
            resources.Add((JsonNode)new JsonObject
            {
                ["name"] = $"{study.Slug}-evidence-json", ["path"] = (study.Route + "evidence.json").TrimStart('/'),
                ["title"] = $"{study.Title}: evidence (JSON)", ["format"] = "json", ["mediatype"] = "application/json",
                ["encoding"] = "utf-8", ["profile"] = "data-resource", ["jsonSchema"] = site.Absolute(EvidenceSchema.Route),
            });
        }
        resources.Add((JsonNode)Resource("evidence", SiteTableRoute, "Every study's decision log in one table", TableSchema(Evidence.SiteColumns, ["study", "slug"])));
        package["resources"] = resources;
        return JsonText.Utf8(package, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    static JsonObject Resource(string name, string route, string title, JsonObject schema) => new()
    {
        ["name"] = name, ["path"] = route.TrimStart('/'), ["title"] = title, ["profile"] = "tabular-data-resource",
        ["format"] = "csv", ["mediatype"] = "text/csv", ["encoding"] = "utf-8",
        ["dialect"] = new JsonObject { ["delimiter"] = ",", ["header"] = true, ["lineTerminator"] = "\r\n" },
        ["schema"] = schema,
    };

    static JsonObject TableSchema<T>(IReadOnlyList<Evidence.Column<T>> columns, string[] primaryKey)
    {
        var fields = new JsonArray();
        foreach (var column in columns)
        {
            var field = new JsonObject { ["name"] = column.Name, ["type"] = column.Type };
            var constraints = new JsonObject();
            if (column.Required) constraints["required"] = true;
            if (column.Enum is { } allowed) constraints["enum"] = new JsonArray([.. allowed.Select(v => (JsonNode)v)]);
            if (column.Type == "integer") constraints["minimum"] = 0;
            if (constraints.Count > 0) field["constraints"] = constraints;
            fields.Add((JsonNode)field);
        }
        return new JsonObject
        {
            ["fields"] = fields, ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray([.. primaryKey.Select(k => (JsonNode)k)]),
        };
    }

    /// <summary>A package name is lower-case letters, digits, '.', '_' and '-'.</summary>
    static string NameOf(string text) => NotNameChars().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NotNameChars();
}
