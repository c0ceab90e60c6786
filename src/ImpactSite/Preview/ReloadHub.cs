using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ImpactSite.Preview;

/// <summary>
/// The open pages, each listening on /__impactsite/events (Server-Sent Events). After every build the server tells
/// them all to reload; a page that connects with an older build token is told at once.
/// </summary>
public sealed class ReloadHub
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    readonly ConcurrentDictionary<Channel<string>, byte> clients = new();

    public int Count => clients.Count;

    /// <summary>Sends a 'reload' event to every open page.</summary>
    public void ReloadAll(string build)
    {
        foreach (var client in clients.Keys) client.Writer.TryWrite(Event("reload", build));
    }

    /// <summary>Serves one event stream until the page goes away or the server stops.</summary>
    public async Task ServeAsync(HttpContext context, Func<string> currentBuild, CancellationToken stopping)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var client = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        clients.TryAdd(client, 0);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            // Registered before the latest build is read and before the headers go out: a build that finishes from now
            // on reaches this client, and one that finished before is seen here, so no reload is ever missed.
            var hello = new StringBuilder("retry: 1000\n\n");
            var pageBuild = context.Request.Query["build"].ToString();
            var latest = currentBuild();
            if (pageBuild.Length > 0 && pageBuild != latest) hello.Append(Event("reload", latest));
            await Write(response, hello.ToString(), done.Token);
            while (!done.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(done.Token);
                wait.CancelAfter(KeepAlive);
                string message;
                try
                {
                    message = await client.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!done.IsCancellationRequested)
                {
                    message = ": keep-alive\n\n";
                }
                await Write(response, message, done.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally
        {
            clients.TryRemove(client, out _);
        }
    }

    static string Event(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    static async Task Write(HttpResponse response, string text, CancellationToken token)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), token);
        await response.Body.FlushAsync(token);
    }
}
