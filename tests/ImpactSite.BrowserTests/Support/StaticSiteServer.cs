using System.Net;
using System.Net.Sockets;

namespace ImpactSite.BrowserTests.Support;

/// <summary>
/// A small static web server for a built site, on the loopback address only, as a static host would serve it:
/// "/x/" serves x/index.html, "/x" redirects to "/x/" when x is a folder, and a missing file gets 404.html with status
/// 404. The site's links are root-relative (/theme/css/site.css), so file:// addresses would not work.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    readonly string _root;
    readonly HttpListener _listener;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;

    public Uri BaseUri { get; }

    public StaticSiteServer(string root)
    {
        _root = Path.GetFullPath(root);
        // Binding a free port found a moment earlier can lose a race with another process: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(AcceptLoop);
    }

    static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try { return ((IPEndPoint)probe.LocalEndpoint).Port; }
        finally { probe.Stop(); }
    }

    async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    async Task Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.StatusCode = 405;
                response.AddHeader("Allow", "GET, HEAD");
                return;
            }

            var path = Uri.UnescapeDataString(request.Url!.AbsolutePath);
            var (file, redirect) = Resolve(path);
            if (redirect is not null)
            {
                response.StatusCode = 301;
                response.RedirectLocation = redirect + request.Url.Query;
                return;
            }

            var status = 200;
            if (file is null)
            {
                status = 404;
                file = Path.Combine(_root, "404.html");
                if (!File.Exists(file)) file = null;
            }

            response.StatusCode = status;
            response.AddHeader("Cache-Control", "no-store");
            if (file is null)
            {
                response.ContentType = "text/plain; charset=utf-8";
                var body = "Not found"u8.ToArray();
                response.ContentLength64 = body.Length;
                if (request.HttpMethod == "GET") await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
                return;
            }

            var bytes = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
            response.ContentType = ImpactSite.Render.OutputFormat.For(file).MediaType; // the same types the preview server sends
            response.ContentLength64 = bytes.Length;
            if (request.HttpMethod == "GET") await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The browser went away mid-response (a navigation cancelled it): nothing to do.
        }
        finally
        {
            try { response.Close(); } catch (Exception) { }
        }
    }

    /// <summary>The file for a URL path, or a redirect for a folder without its trailing slash; (null, null) when missing.</summary>
    (string? File, string? Redirect) Resolve(string urlPath)
    {
        var relative = urlPath.TrimStart('/');
        if (relative.Contains('\0')) return (null, null);
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return (null, null);
        if (Path.GetFileName(full).StartsWith('.')) return (null, null);

        if (Directory.Exists(full))
        {
            if (!urlPath.EndsWith('/')) return (null, urlPath + "/");
            var index = Path.Combine(full, "index.html");
            return (File.Exists(index) ? index : null, null);
        }
        return (File.Exists(full) ? full : null, null);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { _listener.Stop(); } catch (ObjectDisposedException) { }
        try { await _loop.ConfigureAwait(false); } catch (Exception) { }
        _listener.Close();
        _stop.Dispose();
    }
}
