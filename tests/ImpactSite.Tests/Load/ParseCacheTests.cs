using ImpactSite.Load;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;

namespace ImpactSite.Tests.Load;

/// <summary>The preview keeps parsed files between builds: only a changed file is parsed again, and nothing is lost.</summary>
public sealed class ParseCacheTests : IDisposable
{
    readonly TempSite temp = new();

    public void Dispose() => temp.Dispose();

    FrontMatterDocument Parse(ParseCache cache, string path, DiagnosticBag diagnostics, ref int parses)
    {
        var count = 0;
        var document = cache.Parse(temp.Input, path, diagnostics, own =>
        {
            count++;
            return FrontMatterDocument.Parse(SourceFile.Read(temp.Input, path, own), own);
        });
        parses += count;
        return document;
    }

    /// <summary>Two builds in a row read the same, unchanged file through one cache.</summary>
    (DiagnosticBag First, DiagnosticBag Second, FrontMatterDocument Again, int Parses) ReadTwice(string content)
    {
        temp.Write("pages/about.md", content);
        var cache = new ParseCache();
        var parses = 0;
        var first = new DiagnosticBag();
        Parse(cache, "pages/about.md", first, ref parses);
        var second = new DiagnosticBag();
        var again = Parse(cache, "pages/about.md", second, ref parses);
        return (first, second, again, parses);
    }

    [Fact]
    public void An_unchanged_file_is_not_parsed_again_but_its_problems_are_reported_to_every_build()
    {
        var (first, second, again, parses) = ReadTwice("---\ntitle: About\ntitle: Twice\n---\nBody one.\n");
        Assert.Equal(1, parses);
        Assert.NotEmpty(first.Sorted());
        Assert.Equal(first.Sorted(), second.Sorted());
        Assert.Equal("Body one.\n", again.Body);
    }

    [Fact]
    public void Problems_found_while_reading_a_kept_file_go_to_the_build_that_reads_it()
    {
        var (first, second, again, parses) = ReadTwice("---\ntitle: About\n---\nBody.\n");
        Assert.Equal(1, parses);
        again.Fields.Text("summary", required: true, example: "One sentence.");
        Assert.Contains(second.Sorted(), d => d.Message.Contains("'summary' is missing"));
        Assert.Empty(first.Sorted());
    }

    /// <summary>A cache that has parsed pages/about.md once.</summary>
    ParseCache CachedOnce(string content, ref int parses)
    {
        temp.Write("pages/about.md", content);
        var cache = new ParseCache();
        Parse(cache, "pages/about.md", new DiagnosticBag(), ref parses);
        return cache;
    }

    [Fact]
    public void A_file_no_longer_in_the_input_is_forgotten_and_one_the_watcher_reports_is_parsed_again()
    {
        var parses = 0;
        var cache = CachedOnce("---\ntitle: About\n---\nBody.\n", ref parses);
        cache.KeepOnly(path => path != "pages/about.md");
        Parse(cache, "pages/about.md", new DiagnosticBag(), ref parses);
        Assert.Equal(2, parses);

        // Trusted: an unchanged file is not looked at; a reported one is parsed again even if its size and time match.
        cache.Trust(new HashSet<string>());
        Parse(cache, "pages/about.md", new DiagnosticBag(), ref parses);
        Assert.Equal(2, parses);
        cache.Trust(new HashSet<string> { "pages/about.md" });
        Parse(cache, "pages/about.md", new DiagnosticBag(), ref parses);
        Assert.Equal(3, parses);
    }

    [Fact]
    public void A_changed_file_is_parsed_again()
    {
        var parses = 0;
        var cache = CachedOnce("---\ntitle: About\n---\nBody one.\n", ref parses);
        temp.Write("pages/about.md", "---\ntitle: About\n---\nBody two, longer.\n");
        var changed = Parse(cache, "pages/about.md", new DiagnosticBag(), ref parses);
        Assert.Equal(2, parses);
        Assert.Equal("Body two, longer.\n", changed.Body);
    }
}
