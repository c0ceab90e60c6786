using System.Collections.Concurrent;
using ImpactSite.Privacy;
using ImpactSite.Render;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;

namespace ImpactSite.PostProcess;

/// <summary>
/// The last step of every build: no output file (page, feed, data, search index, picture, document, anything), nor its
/// address, may hold a withheld name in any form a reader would recognise (<see cref="NameForms"/>), read the way its
/// reader reads it (<see cref="DocumentText"/>, <see cref="MarkupText"/>). A file the guard cannot read is not
/// published either, unless site.yml lists it under unchecked_files. Each file is read once, for every name at once.
/// Hits are reported by <see cref="Finish"/> at the source line where the name was typed (<see cref="LeakReport"/>).
/// </summary>
public sealed class LeakGuard
{
    readonly NameMatcher names;
    readonly LeakReport report;
    readonly DiagnosticBag diagnostics;
    readonly Dictionary<string, UncheckedFile> uncheckedFiles;

    LeakGuard(NameMatcher names, LeakReport report, IReadOnlyList<UncheckedFile> uncheckedFiles, DiagnosticBag diagnostics)
    {
        this.names = names;
        this.report = report;
        this.diagnostics = diagnostics;
        this.uncheckedFiles = uncheckedFiles.ToDictionary(u => u.Path, StringComparer.Ordinal);
    }

    /// <summary>The guard for a site: its people's names, its unchecked_files (each checked to be one of its assets), and
    /// the published sources a leak is traced back to.</summary>
    public static LeakGuard For(SiteGraph graph, DiagnosticBag diagnostics)
    {
        var assets = graph.Assets.ToHashSet(StringComparer.Ordinal);
        foreach (var file in graph.Site.UncheckedFiles.Where(u => !assets.Contains(u.Path)))
            diagnostics.Error(file.At, $"'{file.Path}' is listed under unchecked_files, but there is no such file: give its path under the input folder, such as assets/files/recording.mp3, or remove the entry.");
        // People who have left people.yml but whom a frozen release names are guarded too.
        var names = new NameMatcher(graph.People.Values.Concat(graph.FormerPeople));
        // Listed only if something leaked: the preview makes a guard after every edit.
        var sources = graph.BySource.Keys.Prepend("site.yml");
        return new LeakGuard(names, new LeakReport(names, graph.InputRoot, sources, diagnostics), graph.Site.UncheckedFiles, diagnostics);
    }

    /// <summary>A guard for files made outside a site build (the digest, a frozen release's text), traced back to the
    /// given sources (input-relative), if any.</summary>
    public static LeakGuard For(IEnumerable<Person> people, string inputRoot, DiagnosticBag diagnostics, IReadOnlyList<string>? sources = null)
    {
        var names = new NameMatcher(people);
        return new LeakGuard(names, new LeakReport(names, inputRoot, sources ?? [], diagnostics), [], diagnostics);
    }

    /// <summary>Checks every file and reports what it found.</summary>
    public void Run(IEnumerable<OutputFile> files)
    {
        Parallel.ForEach(files, file => Inspect(file));
        Finish();
    }

    /// <summary>Whether the file may be published: it holds no withheld name, and it could be read (or is unchecked).
    /// Leaks are kept for <see cref="Finish"/>; unreadable files are reported at once.</summary>
    public bool Inspect(OutputFile file)
    {
        var scan = new NameScan(names);
        if (names.HasWithheld) scan.Read(file.Path, Markup.None, "its address");
        if (file.Text is { } text)
        {
            if (names.HasWithheld)
            {
                scan.Read(text, DocumentText.MarkupOf(file.Path));
                DocumentText.ReadDataAddresses(text, scan);
            }
        }
        // Only the co-ordinator's own files are read by text format: the build's are of kinds it writes itself.
        else if (DocumentText.Read(file.Path, file.Content, scan, asset: file.Source == file.Path) is { } problem && !Allowed(file, problem))
            return false;
        var leaks = scan.Hits.Where(h => h.Form.Kind == FormKind.Withheld).ToList();
        foreach (var hit in leaks) report.Found(hit, file);
        return leaks.Count == 0;
    }

    /// <summary>Whether an unreadable file may be published anyway (listed as unchecked), reporting it when not. A picture
    /// with metadata that cannot be removed is never published: unchecked_files is about names, not GPS positions.</summary>
    bool Allowed(OutputFile file, Unreadable problem)
    {
        if (!problem.Picture && uncheckedFiles.ContainsKey(file.Path)) return true;
        var advice = problem.Picture ? "" : " Publish it as a PDF, text or an Office/OpenDocument file instead, or, if you have checked it yourself, list it in site.yml under unchecked_files with the reason.";
        var message = $"/{report.Redacted(file.Path)} cannot be published: {problem.Reason}.{advice}";
        if (file.Source is { } source) diagnostics.Error(source, problem.Line, problem.Column, message);
        else diagnostics.Add(new(Severity.Error, file.Path, problem.Line, problem.Column, message + " (It is a theme file.)", OutsideInput: true));
        return false;
    }

    /// <summary>Reports every leak found, at the line where the name was written.</summary>
    public void Finish() => report.Write();
}
