using Microsoft.Playwright;

namespace ImpactSite.BrowserTests.Support;

public static class PageWaits
{
    /// <summary>
    /// Waits until the browser has rendered two more frames. Right after a script changes a class on &lt;html&gt;,
    /// headless Chromium now and then still reports the previous computed style (seen about one time in ten here),
    /// so measure what the reader sees: the next frame.
    /// </summary>
    public static Task WaitForNextFrameAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");
}
