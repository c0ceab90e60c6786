using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace ImpactSite.Bench;

/// <summary>
/// How long the preview takes from saving one file to serving the changed page, as a co-ordinator meets it: starts
/// the executable users run (`impactsite preview`, by default the native one that ./impactsite builds) on a real site,
/// waits for its first build and full check, then edits one decision's body N times (restoring the file afterwards).
/// Each time it does what an open page does: waits for the preview's reload event (Server-Sent Events, as the page's
/// script listens), then asks for the page once, until the page holds the new text. With --poll it asks for the page
/// as fast as HTTP answers instead, which puts a second load on the two cores while the preview rebuilds. The first edit
/// counts like every other. Reports each edit's save-to-served time, the rebuild time and the full check behind it,
/// both as the preview prints them.
/// </summary>
public static partial class PreviewLatency
{
    public static async Task<int> Run(string[] args)
    {
        var root = Program.RepoRoot();
        string input = Path.Combine(root, "input"), theme = Path.Combine(root, "theme");
        var executable = Path.Combine(root, ".impactsite", "bin", "impactsite");
        var edits = 20;
        var poll = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length: input = Path.GetFullPath(args[++i]); break;
                case "--theme" when i + 1 < args.Length: theme = Path.GetFullPath(args[++i]); break;
                case "--edits" when i + 1 < args.Length: edits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--executable" when i + 1 < args.Length: executable = Path.GetFullPath(args[++i]); break;
                case "--poll": poll = true; break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }
        if (!File.Exists(executable))
        {
            Console.Error.WriteLine($"no executable at {executable}: run ./impactsite --version once to build it, or pass --executable.");
            return 2;
        }
        var decision = Directory.EnumerateFiles(Path.Combine(input, "studies"), "*.md", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "decisions").Order(StringComparer.Ordinal).First();
        var study = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(decision)))!;
        var route = $"studies/{study}/decisions/{Path.GetFileNameWithoutExtension(decision)}/";
        var original = await File.ReadAllBytesAsync(decision);

        var lines = Channel.CreateUnbounded<string>();
        using var preview = Start(executable, input, theme, lines.Writer);
        try
        {
            var started = Stopwatch.StartNew();
            // The first check runs behind the first build and may finish before or after the "Serving" line is printed.
            string? serving = null, checkedLine = null;
            while (serving is null || checkedLine is null)
            {
                var line = await lines.Reader.ReadAsync();
                if (line.StartsWith("Serving ", StringComparison.Ordinal)) serving = line;
                if (line.Contains("checked the whole site", StringComparison.Ordinal)) checkedLine = line;
            }
            var address = new Uri(Regex.Match(serving, @"http://\S+").Value);
            var firstCheck = Milliseconds(checkedLine);
            Console.WriteLine($"# Preview: one-file edits on {input}, with {executable}");
            Console.WriteLine();
            Console.WriteLine($"Serving after {started.Elapsed.TotalMilliseconds:0} ms; the first full check took {firstCheck:0} ms. Editing /{route} {edits} times.");
            using var http = new HttpClient { BaseAddress = address };
            using var listening = new CancellationTokenSource();
            var reloads = Channel.CreateUnbounded<string>();
            var listener = poll ? Task.CompletedTask : Listen(address, reloads.Writer, listening.Token);
            if (!poll) await reloads.Reader.ReadAsync(); // connected: no reload can be missed from here on
            var rows = new List<(double Served, double Rebuild, double Check)>();
            try
            {
                for (var edit = 1; edit <= edits; edit++)
                {
                    var marker = $"Preview benchmark edit {edit} {Guid.NewGuid():N}";
                    while (reloads.Reader.TryRead(out _)) { } // reloads for earlier builds
                    var clock = Stopwatch.StartNew();
                    await File.WriteAllTextAsync(decision, System.Text.Encoding.UTF8.GetString(original) + $"\n{marker}\n");
                    // Each request is a real page served, as a reloading browser gets it; a reload for a build that did
                    // not take the edit in yet (a save seen as two changes) is followed by the next.
                    do
                    {
                        if (!poll) await reloads.Reader.ReadAsync();
                    } while (!(await http.GetStringAsync(route)).Contains(marker, StringComparison.Ordinal));
                    var served = clock.Elapsed.TotalMilliseconds;
                    var rebuild = Milliseconds(await Next(lines, "rebuilt in"));
                    var check = Milliseconds(await Next(lines, "checked the whole site")); // the next edit starts with the site checked, as after a pause
                    rows.Add((served, rebuild, check));
                }
            }
            finally
            {
                await File.WriteAllBytesAsync(decision, original);
                await listening.CancelAsync();
                await listener;
            }
            Report(rows, poll);
            return 0;
        }
        finally
        {
            preview.Kill(entireProcessTree: true);
        }
    }

    static Process Start(string executable, string input, string theme, ChannelWriter<string> lines)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "preview", "--input", input, "--theme", theme, "--port", "0" }) info.ArgumentList.Add(arg);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lines.TryWrite(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"preview: {line}"); };
        process.Exited += (_, _) => lines.TryComplete(new InvalidOperationException($"the preview ended (exit code {process.ExitCode}); see its messages above."));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Passes on each reload event the preview sends to open pages, until cancelled; the first item says the
    /// stream is open (the preview's greeting has arrived).</summary>
    static async Task Listen(Uri address, ChannelWriter<string> reloads, CancellationToken cancel)
    {
        using var events = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            using var response = await events.GetAsync(new Uri(address, "/__impactsite/events"), HttpCompletionOption.ResponseHeadersRead, cancel);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel));
            string? name = null;
            reloads.TryWrite("connected");
            while (await reader.ReadLineAsync(cancel) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "reload") reloads.TryWrite(line["data: ".Length..]);
                else if (line.Length == 0) name = null;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        finally
        {
            reloads.TryComplete(); // an edit waiting for a reload then fails instead of waiting for ever
        }
    }

    /// <summary>The preview's next line of standard output that contains <paramref name="text"/>.</summary>
    static async Task<string> Next(Channel<string> lines, string text)
    {
        while (true)
        {
            var line = await lines.Reader.ReadAsync();
            if (line.Contains(text, StringComparison.Ordinal)) return line;
        }
    }

    /// <summary>"12:00:01 rebuilt in 21 ms (...)" -> 21.</summary>
    static double Milliseconds(string line) =>
        double.Parse(DurationPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@" in (\d+) ms")]
    private static partial Regex DurationPattern();

    static void Report(List<(double Served, double Rebuild, double Check)> rows, bool poll)
    {
        Console.WriteLine();
        Console.WriteLine("| edit | save -> page served, ms | rebuild, ms (as printed) | full check behind it, ms |");
        Console.WriteLine("|---:|---:|---:|---:|");
        for (var i = 0; i < rows.Count; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {rows[i].Served:0} | {rows[i].Rebuild:0} | {rows[i].Check:0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **median** | {Median(rows.Select(r => r.Served)):0} | {Median(rows.Select(r => r.Rebuild)):0} | {Median(rows.Select(r => r.Check)):0} |"));
        Console.WriteLine();
        var asking = poll ? "asking for the page as fast as HTTP answers" : "the reload event reaching the page, which then asks for itself once";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Save -> served includes the preview's wait for the folder to be quiet ({new ImpactSite.Preview.PreviewOptions("", "").Debounce.TotalMilliseconds:0} ms) and " +
            $"{asking}; {rows.Count(r => r.Served < 50)} of {rows.Count} edits were served in under 50 ms."));
    }

    static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}
