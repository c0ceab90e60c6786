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
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new IsoDateConverter() },
    };

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

    public static byte[] ToJson(Document document) => JsonSerializer.SerializeToUtf8Bytes(document, Json);

    /// <summary>One row per decision with the JSON's fields; lists joined with "; ".</summary>
    public static byte[] ToCsv(Document document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            csv.Context.RegisterClassMap<RowMap>();
            csv.WriteRecords(document.Decisions);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    sealed class RowMap : ClassMap<Row>
    {
        public RowMap()
        {
            Map(r => r.Slug).Name("slug");
            Map(r => r.Url).Name("url");
            Map(r => r.Title).Name("title");
            Map(r => r.Raised).Name("raised").Convert(a => Iso(a.Value.Raised));
            Map(r => r.RaisedAt).Name("raised_at");
            Map(r => r.RaisedBy).Name("raised_by").Convert(a => string.Join("; ", a.Value.RaisedBy));
            Map(r => r.YouSaid).Name("you_said");
            Map(r => r.Status).Name("status");
            Map(r => r.WeDid).Name("we_did");
            Map(r => r.Responded).Name("responded").Convert(a => Iso(a.Value.Responded));
            Map(r => r.DaysToResponse).Name("days_to_response");
            Map(r => r.Reason).Name("reason");
            Map(r => r.DecidedBy).Name("decided_by");
            Map(r => r.Standards).Name("standards").Convert(a => string.Join("; ", a.Value.Standards));
            Map(r => r.UrlOfMeeting).Name("url_of_meeting");
        }
    }

    static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    sealed class IsoDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
