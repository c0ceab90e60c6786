using System.CommandLine;
using System.Globalization;
using ImpactSite.Text;
using ImpactSite.Build;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;
using ImpactSite.Letters;

namespace ImpactSite.Cli;

/// <summary>
/// 'impactsite digest': a plain-English update for the people it goes to (a group, a study's panel, one person, or
/// everyone): the meetings held, posts published and suggestions answered since a date, and what is still waiting, as
/// text or as HTML for mail programs. It runs the whole build in memory (nothing is written but the digest), so it
/// refuses content with errors, and it checks its own output for withheld names as the build checks every published
/// file. Documented in docs/cli.md.
/// </summary>
public static class DigestCommand
{
    public sealed record Request(CommonOptions.Values Options, string Since)
    {
        public string? Study { get; init; }
        public string? Group { get; init; }
        public string? Person { get; init; }
        public string Format { get; init; } = "text";
        public string? Out { get; init; }
    }

    public static Command Create(CommonOptions common)
    {
        var since = new Option<string>("--since") { Description = "YYYY-MM-DD: include what happened on or after this date.", Required = true };
        var study = new Option<string?>("--study") { Description = "Only this study (its folder name). Default: all studies." };
        var group = new Option<string?>("--group") { Description = "Only what this involvement group did, as spelt in the studies' 'groups' (for example \"LEAP North\")." };
        var person = new Option<string?>("--person") { Description = "Only what concerns this person (their id in people.yml): meetings they attended, suggestions they raised, posts they co-wrote." };
        var format = new Option<string>("--format") { Description = "text (for an e-mail body) or html (for mail programs, or to print).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "html");
        var output = new Option<string?>("--out") { Description = "Write the digest to this file instead of the screen." };
        var command = new Command("digest", "Write a plain-English update for a group, a study or a person: meetings held, posts published and suggestions answered since a date, and what is still waiting.");
        common.AddTo(command, withOutput: false);
        foreach (var option in new Option[] { since, study, group, person, format, output }) command.Options.Add(option);
        command.SetAction(parse => Run(
            new Request(common.Read(parse), parse.GetValue(since)!)
            {
                Study = parse.GetValue(study), Group = parse.GetValue(group), Person = parse.GetValue(person),
                Format = parse.GetValue(format) ?? "text", Out = parse.GetValue(output),
            },
            Console.Out, Console.Error));
        return command;
    }

    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        int Usage(string message) => ExitCodes.Usage(stderr, message);

        var today = BuildDate.FromEnvironment();
        if (!DateOnly.TryParseExact(request.Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
            return Usage($"--since '{request.Since}' is not a valid date: write it as YYYY-MM-DD, for example 2026-09-01.");
        if (since > today)
            return Usage($"--since {since:yyyy-MM-dd} is after the build date ({today:yyyy-MM-dd}): there can be no news yet.");
        var options = request.Options;
        if (request.Out is { } file && ReportFile.Refusal(file, options, "--out") is { } refusal) return Usage(refusal);

        if (ReportFile.Read(options, today, "digest", stderr) is not { } graph) return ExitCodes.ContentErrors;
        if (Scope(graph, request, stderr) is not { } scope) return ExitCodes.UsageOrIo;

        var digest = Digest.Build(graph, since, scope);
        var letter = DigestLetter.Compose(digest);
        var html = request.Format == "html";
        var text = html ? HtmlDigest.Write(letter) : TextDigest.Write(letter);
        // The digest is published by e-mail, so the build's last check applies to it too.
        if (!ReportFile.HasNoWithheldNames(ReportFile.Bytes(text), html ? "digest.html" : "digest.txt", graph.People.Values, options, "digest", stderr))
            return ExitCodes.ContentErrors;

        if (request.Out is null)
        {
            stdout.Write(text);
            return ExitCodes.Success;
        }
        if (ReportFile.Write(request.Out, text, "digest", stderr) is var code and not ExitCodes.Success) return code;
        stdout.WriteLine($"Wrote the digest to {request.Out}: {English.Count(digest.Meetings, "meeting", "meetings")}, " +
            $"{English.Count(digest.WithNews, "suggestion", "suggestions")} with news, {digest.Waiting} still waiting, {English.Count(digest.Posts, "post", "posts")}.");
        return ExitCodes.Success;
    }

    /// <summary>The study, group and person asked for, each checked against the site; null after a usage error.</summary>
    static DigestScope? Scope(SiteGraph graph, Request request, TextWriter stderr)
    {
        Study? study = null;
        if (request.Study is { } slug && (study = graph.Studies.FirstOrDefault(s => s.Slug == slug)) is null)
        {
            var slugs = graph.Studies.Select(s => s.Slug).ToList();
            ExitCodes.Usage(stderr, $"there is no published study '{slug}'.{Suggestions.DidYouMean(slug, slugs)} Studies: {(slugs.Count == 0 ? "none yet" : string.Join(", ", slugs))}.");
            return null;
        }
        string? group = null;
        if (request.Group is { } typed)
        {
            var groups = graph.Studies.Where(s => study is null || s == study).SelectMany(s => s.Groups).Distinct().ToList();
            group = groups.FirstOrDefault(g => string.Equals(g, typed.Trim(), StringComparison.OrdinalIgnoreCase));
            if (group is null)
            {
                ExitCodes.Usage(stderr, $"no {(study is null ? "published study" : $"study '{study.Slug}'")} lists the group '{typed}'.{Suggestions.DidYouMean(typed, groups)} " +
                    $"Groups: {(groups.Count == 0 ? "none yet" : string.Join(", ", groups))}.");
                return null;
            }
        }
        Person? person = null;
        if (request.Person is { } id && (person = ReportFile.FindPerson(graph, id, stderr)) is null) return null;
        return new DigestScope(study, group, person);
    }
}
