using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using ImpactSite.Tests.Support;
using Json.Schema;

namespace ImpactSite.Tests.Funders;

/// <summary>
/// What a funder's tools do with the data: validate every evidence.json against the JSON Schema the site publishes
/// (JsonSchema.Net), and every CSV of /datapackage.json against its Table Schema (written here: the checks a Frictionless
/// validator makes for the types and constraints the package uses).
/// </summary>
public static class EvidenceChecks
{
    /// <summary>Problems with one evidence.json against the schema the site published; empty when it is valid.</summary>
    public static IReadOnlyList<string> AgainstSchema(BuiltSite site, string evidenceJson)
    {
        var schema = JsonSchema.FromText(site.Text("schema/evidence-v2.json"));
        var document = JsonNode.Parse(evidenceJson);
        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid ? [] : result.Details.Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    /// <summary>Every evidence.json the site published (live and releases).</summary>
    public static IEnumerable<string> EvidenceFiles(BuiltSite site) =>
        site.Files.Keys.Where(p => p.EndsWith("/evidence.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>Problems with a CSV against a Frictionless Table Schema; empty when every row fits.</summary>
    public static IReadOnlyList<string> AgainstTableSchema(string csvText, JsonElement schema)
    {
        var problems = new List<string>();
        var fields = schema.GetProperty("fields").EnumerateArray().ToList();
        var missing = schema.GetProperty("missingValues").EnumerateArray().Select(v => v.GetString()!).ToHashSet();
        using var csv = new CsvReader(new StringReader(csvText), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var names = fields.Select(f => f.GetProperty("name").GetString()!).ToArray();
        if (!header.SequenceEqual(names)) problems.Add($"header is [{string.Join(",", header)}], the schema says [{string.Join(",", names)}]");
        var keys = new HashSet<string>();
        var keyFields = schema.GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()!).ToArray();
        for (var row = 2; csv.Read(); row++)
        {
            foreach (var field in fields)
            {
                var name = field.GetProperty("name").GetString()!;
                var value = csv.GetField(name) ?? "";
                var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
                if (missing.Contains(value))
                {
                    if (constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var r) && r.GetBoolean())
                        problems.Add($"row {row}: '{name}' is required");
                    continue;
                }
                var type = field.GetProperty("type").GetString();
                var typed = type switch
                {
                    "string" => true,
                    "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                                 && !(constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("minimum", out var min) && n < min.GetInt64()),
                    _ => false,
                };
                if (!typed) problems.Add($"row {row}: '{name}' = '{value}' is not a valid {type}");
                if (constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("enum", out var allowed)
                    && !allowed.EnumerateArray().Any(a => a.GetString() == value))
                    problems.Add($"row {row}: '{name}' = '{value}' is not one of the allowed values");
            }
            if (!keys.Add(string.Join("\u0001", keyFields.Select(k => csv.GetField(k)))))
                problems.Add($"row {row}: primary key ({string.Join(", ", keyFields)}) repeats");
        }
        return problems;
    }

    /// <summary>Each tabular resource of /datapackage.json checked against its schema, by resource name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DataPackage(BuiltSite site)
    {
        var package = JsonDocument.Parse(site.Text("datapackage.json")).RootElement;
        return package.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("profile").GetString() == "tabular-data-resource")
            .ToDictionary(r => r.GetProperty("name").GetString()!,
                r => AgainstTableSchema(site.Text(r.GetProperty("path").GetString()!), r.GetProperty("schema")));
    }
}
