using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Data;

/// <summary>
/// evidence.json and evidence.csv, exactly as the content contract (v2) defines them: the decision log as data for
/// funders, which validates against the JSON Schema the site publishes (<see cref="EvidenceSchema"/>). People appear only
/// as public credits, and in the involvement figures only as counts.
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
        int PartlyAdopted, int NotAdopted, int Overdue, double? MedianDaysToResponse, int Contributors, int Attendance);

    public sealed record Row(string Slug, string Url, string Title, DateOnly Raised, string? RaisedAt, IReadOnlyList<string> RaisedBy,
        string YouSaid, string Status, string? WeDid, DateOnly? Responded, int? DaysToResponse, string? Reason, string? DecidedBy,
        IReadOnlyList<string> Standards, string? UrlOfMeeting, string? Stage);

    /// <summary>A meeting as counts: attendance is attendee_count when given, else the people listed.</summary>
    public sealed record MeetingRow(string Slug, string Url, string Title, DateOnly Date, string? Group, string? Format,
        int Attendance, string? Stage);

    /// <summary>What the document is, apart from the study: where its schema is, its licence, and what it was made from.</summary>
    /// <param name="Release">The release date for a frozen release; null for the live file.</param>
    public sealed record Provenance(string Schema, DataLicence? Licence, DateOnly? Release, string? SourceCommit);

    public sealed record Document(
        [property: JsonPropertyName("$schema")] string Schema,
        StudyInfo Study, DateOnly Generated, DateOnly? Release,
        // SPDX's own word for "no licence was given" when site.yml has no data_licence.
        string License, string? LicenseUrl, string? SourceCommit,
        Summary Summary, IReadOnlyList<Row> Decisions, IReadOnlyList<MeetingRow> Meetings, IReadOnlyList<StageCount> ByStage);

    public const string NoLicence = "NOASSERTION";

    public static Document For(Study study, DateOnly generated, Provenance provenance)
    {
        var f = study.Figures;
        var involvement = InvolvementFigures.Compute(study.Meetings, study.Decisions);
        return new Document(provenance.Schema,
            new StudyInfo(study.Slug, study.Title, study.AbsoluteUrl, study.Status, study.Funder, study.FunderReference),
            generated, provenance.Release, provenance.Licence?.Id ?? NoLicence, provenance.Licence?.Url, provenance.SourceCommit,
            new Summary(f.Meetings, f.Suggestions, f.Responded, f.Open, f.Considering, f.Adopted, f.PartlyAdopted, f.NotAdopted,
                f.Overdue, f.MedianDaysToResponse, involvement.Contributors, involvement.Attendance),
            study.Decisions.Select(d => new Row(d.Slug, d.AbsoluteUrl, d.Title, d.Raised, d.RaisedAt?.Slug,
                d.RaisedBy.Select(p => p.Credit).ToList(), d.YouSaid.PlainText, d.Status, d.WeDid?.PlainText, d.Responded,
                d.DaysToResponse, d.Reason?.PlainText, d.DecidedBy, d.Standards, d.RaisedAt?.AbsoluteUrl, d.Stage)).ToList(),
            study.Meetings.Select(m => new MeetingRow(m.Slug, m.AbsoluteUrl, m.Title, m.Held, m.Group, m.Format, m.Attendance, m.Stage)).ToList(),
            involvement.ByStage);
    }

    public static byte[] ToJson(Document document) => JsonSerializer.SerializeToUtf8Bytes(document, Json.Document);

    /// <summary>One row per decision with the JSON's fields; lists joined with "; ".</summary>
    public static byte[] ToCsv(Document document) => WriteCsv(Columns, document.Decisions);

    /// <summary>Every study's decisions in one table (/evidence.csv), each row led by its study's slug.</summary>
    public static byte[] ToSiteCsv(IEnumerable<Document> documents) =>
        WriteCsv(SiteColumns, documents.SelectMany(d => d.Decisions.Select(row => (d.Study.Slug, row))));

    static byte[] WriteCsv<T>(IReadOnlyList<Column<T>> columns, IEnumerable<T> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        // CsvHelper's injection escaping is the contract's rule: a cell starting with =, +, -, @, a tab or a carriage
        // return gets a leading ' so a spreadsheet shows it rather than running it.
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using (var csv = new CsvWriter(text, config))
        {
            // Field by field rather than a class map: CsvHelper compiles a map into code for every writer, which cost more
            // than writing the rows; quoting and escaping are CsvHelper's either way.
            foreach (var column in columns) csv.WriteField(column.Name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns) csv.WriteField(column.Value(row));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A CSV column and its Table Schema type ("string", "date" or "integer"), so the data package describes
    /// exactly the columns written.</summary>
    public sealed record Column<T>(string Name, string Type, Func<T, string?> Value, bool Required = false, IReadOnlyList<string>? Enum = null);

    public static readonly IReadOnlyList<Column<Row>> Columns =
    [
        new("slug", "string", r => r.Slug, Required: true), new("url", "string", r => r.Url, Required: true),
        new("title", "string", r => r.Title, Required: true), new("raised", "date", r => Iso(r.Raised), Required: true),
        new("raised_at", "string", r => r.RaisedAt), new("raised_by", "string", r => string.Join("; ", r.RaisedBy)),
        new("you_said", "string", r => r.YouSaid, Required: true),
        new("status", "string", r => r.Status, Required: true, Enum: DecisionStatus.All),
        new("we_did", "string", r => r.WeDid), new("responded", "date", r => Iso(r.Responded)),
        new("days_to_response", "integer", r => r.DaysToResponse?.ToString(CultureInfo.InvariantCulture)),
        new("reason", "string", r => r.Reason), new("decided_by", "string", r => r.DecidedBy),
        new("standards", "string", r => string.Join("; ", r.Standards)), new("url_of_meeting", "string", r => r.UrlOfMeeting),
        new("stage", "string", r => r.Stage, Enum: ResearchStages.Ids),
    ];

    public static readonly IReadOnlyList<Column<(string Study, Row Row)>> SiteColumns =
    [
        new("study", "string", r => r.Study, Required: true),
        .. Columns.Select(c => new Column<(string Study, Row Row)>(c.Name, c.Type, r => c.Value(r.Row), c.Required, c.Enum)),
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
