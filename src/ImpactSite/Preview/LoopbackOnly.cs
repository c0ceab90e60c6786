using Microsoft.AspNetCore.Http;

namespace ImpactSite.Preview;

/// <summary>
/// Listening on 127.0.0.1 is not enough: a web page on another site can point its own domain name at 127.0.0.1 (DNS
/// rebinding) and then read the preview, drafts included, as if it were that site. The browser still sends that other
/// name in Host, so only requests naming this machine's loopback addresses with the preview's port are answered; and the
/// live-reload stream, which a page elsewhere could open too, also checks the Origin a browser sends.
/// </summary>
public static class LoopbackOnly
{
    static readonly string[] Names = ["127.0.0.1", "localhost", "[::1]"];

    /// <summary>Whether the Host header names the loopback address and this port (no port: only when the port is 80).</summary>
    public static bool IsOwnHost(HostString host, int port) =>
        host.HasValue && Names.Contains(host.Host, StringComparer.OrdinalIgnoreCase) && (host.Port ?? 80) == port;

    /// <summary>Whether a request's Origin is the preview itself; a request without one (same-origin GETs, tools) is.</summary>
    public static bool IsOwnOrigin(string? origin, int port) =>
        string.IsNullOrEmpty(origin)
        || Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.AbsolutePath == "/"
           && IsOwnHost(new HostString(uri.Authority), port);
}
