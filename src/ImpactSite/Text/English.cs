using System.Globalization;

namespace ImpactSite.Text;

/// <summary>The small pieces of plain English every output shares: counts, lists and dates, written one way.</summary>
public static class English
{
    /// <summary>"1 suggestion", "3 suggestions"; "1 was", "2 were".</summary>
    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>"A", "A and B", "A, B and C" (or "A, B or C").</summary>
    public static string List(IReadOnlyList<string> items, string last = "and") => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {last} " + items[^1],
    };

    /// <summary>"12 March 2025".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"March 2025".</summary>
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
}
