using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using ImpactSite.Model;

namespace ImpactSite.Render.Data;

/// <summary>
/// evidence.json and evidence.csv, exactly as the content contract defines them: the decision log as data for funders.
/// People appear only as public credits.
/// </summary>
public static class Evidence
{
    // Serialisation code generated at compile time (EvidenceJson below), so the native executable needs no reflection.
    static readonly EvidenceJson Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new IsoDateConverter() },
    });

    public sealed record StudyInfo(string Slug, string Title, string Url, string Status, string? Funder, string? FunderReference);

    public sealed record Summary(int Meetings, int Suggestions, int Responded, int Open, int Considering, int Adopted,
        int PartlyAdopted, int NotAdopted, int Overdue, double? MedianDaysToResponse);

    public sealed record Row(string Slug, string Url, string Title, DateOnly Raised, string? RaisedAt, IReadOnlyList<string> RaisedBy,
        string YouSaid, string Status, string? WeDid, DateOnly? Responded, int? DaysToResponse, string? Reason, string? DecidedBy,
        IReadOnlyList<string> Standards, string? UrlOfMeeting);

    public sealed record Document(StudyInfo Study, DateOnly Generated, Summary Summary, IReadOnlyList<Row> Decisions);

    public static Document For(Study study, DateOnly generated)
    {
        var f = study.Figures;
        return new Document(
            new StudyInfo(study.Slug, study.Title, study.AbsoluteUrl, study.Status, study.Funder, study.FunderReference),
            generated,
            new Summary(f.Meetings, f.Suggestions, f.Responded, f.Open, f.Considering, f.Adopted, f.PartlyAdopted, f.NotAdopted, f.Overdue, f.MedianDaysToResponse),
            study.Decisions.Select(d => new Row(d.Slug, d.AbsoluteUrl, d.Title, d.Raised, d.RaisedAt?.Slug,
                d.RaisedBy.Select(p => p.Credit).ToList(), d.YouSaid.PlainText, d.Status, d.WeDid?.PlainText, d.Responded,
                d.DaysToResponse, d.Reason?.PlainText, d.DecidedBy, d.Standards, d.RaisedAt?.AbsoluteUrl)).ToList());
    }

    public static byte[] ToJson(Document document) => JsonSerializer.SerializeToUtf8Bytes(document, Json.Document);

    /// <summary>One row per decision with the JSON's fields; lists joined with "; ".</summary>
    public static byte[] ToCsv(Document document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            // Field by field rather than a class map: CsvHelper compiles a map into code for every writer, which cost more
            // than writing the rows; quoting and escaping are CsvHelper's either way.
            foreach (var (name, _) in Columns) csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in document.Decisions)
            {
                foreach (var (_, value) in Columns) csv.WriteField(value(row));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    static readonly (string Name, Func<Row, string?> Value)[] Columns =
    [
        ("slug", r => r.Slug), ("url", r => r.Url), ("title", r => r.Title), ("raised", r => Iso(r.Raised)), ("raised_at", r => r.RaisedAt),
        ("raised_by", r => string.Join("; ", r.RaisedBy)), ("you_said", r => r.YouSaid), ("status", r => r.Status), ("we_did", r => r.WeDid),
        ("responded", r => Iso(r.Responded)), ("days_to_response", r => r.DaysToResponse?.ToString(CultureInfo.InvariantCulture)),
        ("reason", r => r.Reason), ("decided_by", r => r.DecidedBy), ("standards", r => string.Join("; ", r.Standards)),
        ("url_of_meeting", r => r.UrlOfMeeting),
    ];

    static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    sealed class IsoDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}

[JsonSerializable(typeof(Evidence.Document))]
sealed partial class EvidenceJson : JsonSerializerContext;
