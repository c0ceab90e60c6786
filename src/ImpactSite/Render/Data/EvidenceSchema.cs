using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Settings;

namespace ImpactSite.Render.Data;

/// <summary>
/// The JSON Schema (draft 2020-12) every evidence.json names in "$schema" and validates against, published at
/// <see cref="Route"/>. The schema's text ships with ImpactSite; its address ($id) and the lists of allowed values come
/// from this build, so the schema can never allow other statuses, standards or stages than the build writes.
/// </summary>
public static class EvidenceSchema
{
    public const string Route = "/schema/evidence-v2.json";

    public static byte[] Write(SiteSettings site)
    {
        using var stream = typeof(EvidenceSchema).Assembly.GetManifestResourceStream("evidence-v2.schema.json")
            ?? throw new InvalidOperationException("evidence-v2.schema.json is not embedded in the build.");
        var schema = JsonNode.Parse(stream)!.AsObject();
        var withId = new JsonObject { ["$schema"] = schema["$schema"]!.DeepClone(), ["$id"] = site.Absolute(Route) };
        foreach (var (key, value) in schema.Where(p => p.Key != "$schema").ToList())
        {
            schema.Remove(key);
            withId[key] = value;
        }
        var defs = withId["$defs"]!;
        defs["stage"]!["enum"] = Strings(ResearchStages.Ids);
        defs["decision"]!["properties"]!["status"]!["enum"] = Strings(DecisionStatus.All);
        defs["decision"]!["properties"]!["standards"]!["items"]!["enum"] = Strings(Standards.All.Select(s => s.Id));
        return JsonText.Utf8(withId, new JsonWriterOptions { Indented = true });
    }

    static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
