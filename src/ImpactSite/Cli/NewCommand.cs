using System.CommandLine;
using System.Globalization;
using System.Text;
using ImpactSite.Content;
using ImpactSite.Build;
using ImpactSite.Load;
using ImpactSite.Scaffold;
using ImpactSite.Text;
using ImpactSite.Validate;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

namespace ImpactSite.Cli;

/// <summary>
/// 'impactsite new': starts a correctly named markdown file with commented front matter for its kind. It never
/// overwrites anything: an existing file is a usage error and stays exactly as it was. Documented in docs/cli.md.
/// </summary>
public static class NewCommand
{
    public sealed record Request(string Kind, string Title, string Input)
    {
        public string? Study { get; init; }
        public string? Date { get; init; }
        public string? Slug { get; init; }
        public IReadOnlyList<string> Authors { get; init; } = [];
    }

    /// <summary>
    /// 'new' writes into the input folder only, so of the shared options it takes --input alone (with the same
    /// default); --theme and --output would mean nothing here.
    /// </summary>
    public static Command Create(CommonOptions common)
    {
        _ = common;
        var kind = new Argument<string>("kind") { Description = "What to start: study, meeting, decision, post or page." };
        kind.AcceptOnlyFromAmong([.. ContentKinds.All.Select(k => k.Name)]);
        var title = new Option<string>("--title") { Description = "The title. The file name is made from it.", Required = true };
        var study = new Option<string?>("--study") { Description = "The study's folder name (required for a meeting or decision; optional for a post)." };
        var date = new Option<string?>("--date") { Description = "YYYY-MM-DD: the meeting date, date raised or post date. Default: the build date (today, or SOURCE_DATE_EPOCH)." };
        var slug = new Option<string?>("--slug") { Description = "Use this file name (without .md) instead of one made from the title." };
        var author = new Option<string[]>("--author") { Description = "A post's author: a person id from people.yml. Repeat for each author (required for a post).", AllowMultipleArgumentsPerToken = true };
        var input = new Option<string>("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
        var command = new Command("new", "Start a new study, meeting, decision, post or page: a correctly named file with every key explained. Never overwrites a file.");
        command.Arguments.Add(kind);
        foreach (var option in new Option[] { title, study, date, slug, author, input }) command.Options.Add(option);
        command.SetAction(parse => Run(
            new Request(parse.GetValue(kind)!, parse.GetValue(title)!, parse.GetValue(input)!)
            {
                Study = parse.GetValue(study), Date = parse.GetValue(date), Slug = parse.GetValue(slug),
                Authors = parse.GetValue(author) ?? [],
            },
            Console.Out, Console.Error));
        return command;
    }

    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        int Usage(string message) => ExitCodes.Usage(stderr, message);

        var kind = ContentKinds.Named(request.Kind) ?? throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "not a kind of entry");
        var root = request.Input;
        if (!Directory.Exists(root))
            return Usage($"there is no input folder '{root}': run this from your site's folder, or pass --input.");

        var title = request.Title.Trim();
        if (title.Length == 0)
            return Usage("--title is empty: give the title in quotes, for example --title \"Letters in plain English\".");

        var date = BuildDate.FromEnvironment();
        if (request.Date is { } typed && !DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return Usage($"--date '{typed}' is not a valid date: write it as YYYY-MM-DD, for example 2025-03-12.");

        var studies = StudySlugs(root);
        if (request.Study is null && kind.InStudy)
            return Usage($"a {kind.Name} belongs to a study: add --study with the study's folder name.{KnownStudies(studies)}");
        if (request.Study is not null && !kind.InStudy && !kind.Keys.Any(k => k.Type == KeyType.Study))
            return Usage($"--study is only used with {English.List(ContentKinds.All.Where(k => k.InStudy || k.Keys.Any(key => key.Type == KeyType.Study)).Select(k => "a " + k.Name).ToList(), "or")}, not a {kind.Name}.");
        if (request.Study is { } study && !studies.Contains(study))
            return Usage($"there is no study '{study}' (studies/{study}/index.md).{Suggestions.DidYouMean(study, studies)}{KnownStudies(studies)}");

        var people = PersonIds(root);
        // --author fills a kind's 'authors' key (a post's).
        var authors = kind.Keys.FirstOrDefault(k => k.Name == "authors");
        if (request.Authors.Count > 0 && authors is null)
            return Usage($"--author is only used with a post, not a {kind.Name}.");
        if (authors?.Need == Need.Required && request.Authors.Count == 0)
            return Usage($"a {kind.Name} needs at least one author: add --author with their id from people.yml.{KnownPeople(people)}");
        if (request.Authors.FirstOrDefault(a => !people.Contains(a)) is { } id)
            return Usage($"--author '{id}' is not in people.yml: add them there first, or correct the id.{Suggestions.DidYouMean(id, people)}{KnownPeople(people)}");

        string slug;
        if (request.Slug is { } chosen)
        {
            if (!Slug.IsValid(chosen))
            {
                var fixedUp = Slug.FromTitle(chosen);
                return Usage($"--slug '{chosen}' is not a valid file name: use only lower-case letters, digits and hyphens{(fixedUp.Length > 0 ? $", for example '{fixedUp}'" : "")}.");
            }
            slug = chosen;
        }
        else
        {
            slug = Slug.FromTitle(title);
            if (slug.Length == 0)
                return Usage("the title has no letters or digits that can make a file name: add --slug with a name made of lower-case letters, digits and hyphens.");
            slug = kind.NewSlug(slug, date);
        }
        if (kind.RefusedSlug(slug) is { } why)
            return Usage($"a {kind.Label} cannot be called '{slug}': {why}. Choose another title, or give --slug.");

        var relative = kind.FilePath(slug, request.Study);
        var shown = Shown(root, relative);
        var path = Path.Combine(root, relative);
        if (File.Exists(path) || Directory.Exists(path))
            return AlreadyExists(shown, stderr);

        var text = EntryTemplates.Render(new ScaffoldRequest(kind, title, date)
        {
            Study = request.Study, Authors = request.Authors.Distinct().ToList(), PersonIds = people,
            Groups = request.Study is { } s && kind.KeyNames.Contains("group") ? Groups(root, s) : [],
            Meetings = request.Study is { } m && kind.Keys.Any(k => k.Type == KeyType.Meeting) ? Meetings(root, m) : [],
        });
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // CreateNew: if the file appeared since the check above, this fails instead of overwriting it.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        }
        catch (IOException) when (File.Exists(path))
        {
            return AlreadyExists(shown, stderr);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{shown}:1:1: error: could not write the file: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        stdout.WriteLine(shown);
        stdout.WriteLine("Fill it in (the lines starting with # explain each key), then run 'impactsite check'.");
        return ExitCodes.Success;
    }

    static int AlreadyExists(string shown, TextWriter stderr)
    {
        stderr.WriteLine($"{shown}:1:1: error: {shown} already exists, so nothing was written (new never overwrites a file). Choose another title, or give --slug with another file name.");
        return ExitCodes.UsageOrIo;
    }

    /// <summary>The path as the other commands print it: the input folder as given, then the input-relative path.</summary>
    static string Shown(string root, string relative) =>
        string.IsNullOrEmpty(root) || root == "." ? relative : root.TrimEnd('/', '\\') + "/" + relative;

    static List<string> StudySlugs(string root)
    {
        var folder = Path.Combine(root, "studies");
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, "index.md")))
                .Select(d => Path.GetFileName(d)!).Where(s => !s.StartsWith('_') && !s.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    static List<string> PersonIds(string root)
    {
        if (!File.Exists(Path.Combine(root, "people.yml"))) return [];
        // Problems in people.yml are for 'check' to report; here it only helps to list and check ids.
        var file = SourceFile.Read(root, "people.yml", new DiagnosticBag());
        return PeopleReader.Read(file, new DiagnosticBag()).Keys.ToList();
    }

    static List<string> Groups(string root, string study)
    {
        var file = SourceFile.Read(root, $"studies/{study}/index.md", new DiagnosticBag());
        return FrontMatterDocument.Parse(file, new DiagnosticBag()).Fields.List("groups").Select(g => g.Value).ToList();
    }

    static List<string> Meetings(string root, string study)
    {
        var folder = Path.Combine(root, "studies", study, "meetings");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f))
                .Where(Slug.IsValid).OrderDescending(StringComparer.Ordinal).ToList()
            : [];
    }

    static string KnownStudies(IReadOnlyList<string> studies) =>
        studies.Count == 0 ? " There are no studies yet: start one with 'impactsite new study --title \"...\"'."
            : $" Studies: {string.Join(", ", studies)}.";

    static string KnownPeople(IReadOnlyList<string> people) =>
        people.Count == 0 ? " people.yml lists nobody yet: add people there first."
            : $" Ids in people.yml: {string.Join(", ", people.Take(20))}{(people.Count > 20 ? ", ..." : "")}.";
}
