using System.CommandLine;
using System.Runtime.InteropServices;
using ImpactSite.Build;
using ImpactSite.Preview;
using ImpactSite.Validate;

namespace ImpactSite.Cli;

public static class PreviewCommand
{
    public static Command Create(CommonOptions common)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to serve on, at http://127.0.0.1:<port>/ (this computer only).",
            DefaultValueFactory = _ => PreviewOptions.DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port must be a number from 1 to 65535 (0 picks a free port).");
        });
        var drafts = new Option<bool>("--drafts") { Description = "Also show entries marked 'draft: true'." };
        var command = new Command("preview",
            "Build the site in memory and serve it on http://127.0.0.1:<port>/; rebuild and reload open pages whenever --input or --theme changes. Writes nothing. Stop with Ctrl+C.");
        common.AddTo(command, withOutput: false);
        command.Options.Add(port);
        command.Options.Add(drafts);
        command.SetAction((parse, cancel) =>
            RunAsync(common.Read(parse), parse.GetValue(port), parse.GetValue(drafts), Console.Out, Console.Error, cancel));
        return command;
    }

    /// <summary>Serves until <paramref name="cancel"/> (Ctrl+C) fires. 0 when stopped, 1 for a missing folder, 2 when the port cannot be used.</summary>
    public static async Task<int> RunAsync(CommonOptions.Values options, int port, bool drafts, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        // Program.cs invokes commands synchronously, which leaves Ctrl+C (SIGINT) and SIGTERM to the runtime's default
        // (end the process at once); catch them here so the server stops cleanly.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return await ServeAsync(options, port, drafts, stdout, stderr, stop.Token);

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    static async Task<int> ServeAsync(CommonOptions.Values options, int port, bool drafts, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (!Directory.Exists(options.Input) || !Directory.Exists(options.Theme))
        {
            // The build's own located message for a missing folder.
            var result = SiteBuilder.Build(new BuildRequest(options.Input, options.Theme, BuildDate.FromEnvironment(), drafts));
            DiagnosticPrinter.Print(result.Errors.ToList(), options.Input, stderr);
            return ExitCodes.ContentErrors;
        }

        await using var server = new PreviewServer(new PreviewOptions(options.Input, options.Theme, port, drafts) { Out = stdout, Error = stderr });
        try
        {
            await server.StartAsync(cancel);
        }
        catch (IOException e)
        {
            var inUse = e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException;
            stderr.WriteLine(inUse
                ? $"error: port {port} on 127.0.0.1 is already in use (perhaps by another preview): stop that program, or choose another port, such as --port {(port >= 65535 ? 5081 : port + 1)}."
                : $"error: could not serve on 127.0.0.1:{port}: {e.Message} Choose another port with --port.");
            return ExitCodes.UsageOrIo;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }

        stdout.WriteLine($"Serving {server.Address}{server.Site.BasePath.TrimStart('/')} (only this computer can open it). " +
                         $"Watching {options.Input} and {options.Theme}: saved changes reload open pages. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException) { }
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        try
        {
            await server.StopAsync(deadline.Token);
        }
        catch (OperationCanceledException) { }
        stdout.WriteLine("Preview stopped.");
        return ExitCodes.Success;
    }
}
