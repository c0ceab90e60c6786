using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using ImpactSite.Preview;

namespace ImpactSite.Bench;

/// <summary>
/// How long the preview takes from saving one file to serving the changed page, on a real site: starts the preview
/// server, waits for its first build and full check, then edits one decision's body N times (restoring the file
/// afterwards), each time polling the page over HTTP until the new text is served. Reports each edit's save-to-served
/// time, the rebuild's own time and the full check behind it.
/// </summary>
public static class PreviewLatency
{
    public static async Task<int> Run(string[] args)
    {
        var root = Program.RepoRoot();
        string input = Path.Combine(root, "input"), theme = Path.Combine(root, "theme");
        var edits = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length: input = Path.GetFullPath(args[++i]); break;
                case "--theme" when i + 1 < args.Length: theme = Path.GetFullPath(args[++i]); break;
                case "--edits" when i + 1 < args.Length: edits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }
        var decision = Directory.EnumerateFiles(Path.Combine(input, "studies"), "*.md", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "decisions").Order(StringComparer.Ordinal).First();
        var study = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(decision)))!;
        var route = $"/studies/{study}/decisions/{Path.GetFileNameWithoutExtension(decision)}/";
        var original = await File.ReadAllBytesAsync(decision);

        var builds = Channel.CreateUnbounded<PreviewBuild>();
        var checks = Channel.CreateUnbounded<PreviewCheck>();
        await using var server = new PreviewServer(new PreviewOptions(input, theme, Port: 0));
        server.Built += b => builds.Writer.TryWrite(b);
        server.Checked += c => checks.Writer.TryWrite(c);
        var started = Stopwatch.StartNew();
        await server.StartAsync();
        var first = await builds.Reader.ReadAsync();
        var firstCheck = await checks.Reader.ReadAsync();
        Console.WriteLine($"# Preview: one-file edits on {input}");
        Console.WriteLine();
        Console.WriteLine($"First build served after {started.Elapsed.TotalMilliseconds:0} ms ({first.Files} files planned; rebuild {first.Elapsed.TotalMilliseconds:0} ms); " +
                          $"its full check took {firstCheck.Elapsed.TotalMilliseconds:0} ms ({firstCheck.Errors} errors). Editing {route} {edits} times.");
        using var http = new HttpClient { BaseAddress = server.Address };
        var rows = new List<(double Served, double Rebuild, double Check)>();
        try
        {
            for (var edit = 1; edit <= edits; edit++)
            {
                var marker = $"Preview benchmark edit {edit} {Guid.NewGuid():N}";
                var clock = Stopwatch.StartNew();
                await File.WriteAllTextAsync(decision, System.Text.Encoding.UTF8.GetString(original) + $"\n{marker}\n");
                while (!(await http.GetStringAsync(route)).Contains(marker, StringComparison.Ordinal)) await Task.Delay(1);
                var served = clock.Elapsed.TotalMilliseconds;
                var build = await builds.Reader.ReadAsync();
                var check = await checks.Reader.ReadAsync(); // the next edit starts with the site checked, as after a pause
                rows.Add((served, build.Elapsed.TotalMilliseconds, check.Elapsed.TotalMilliseconds));
            }
        }
        finally
        {
            await File.WriteAllBytesAsync(decision, original);
        }
        Console.WriteLine();
        Console.WriteLine("| edit | save -> page served, ms | rebuild (read changed file, model, plan), ms | full check behind it, ms |");
        Console.WriteLine("|---:|---:|---:|---:|");
        for (var i = 0; i < rows.Count; i++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {i + 1} | {rows[i].Served:0} | {rows[i].Rebuild:0} | {rows[i].Check:0} |"));
        double Median(IEnumerable<double> values) { var v = values.Order().ToList(); return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2; }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **median** | {Median(rows.Select(r => r.Served)):0} | {Median(rows.Select(r => r.Rebuild)):0} | {Median(rows.Select(r => r.Check)):0} |"));
        Console.WriteLine();
        Console.WriteLine($"Save -> served includes the preview's wait for the folder to be quiet ({new PreviewOptions(input, theme).Debounce.TotalMilliseconds:0} ms) and the HTTP polling.");
        return 0;
    }
}
