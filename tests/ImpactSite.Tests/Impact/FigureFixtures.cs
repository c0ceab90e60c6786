using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Impact;

/// <summary>Small studies whose figures were worked out by hand (build date 2026-11-23, overdue after 90 days).</summary>
public static class FigureFixtures
{
    public static TempSite Mixed()
    {
        var t = new TempSite();
        t.Study("alpha", "funder: Test Fund\nfunder_reference: TF-001")
            .Meeting("alpha", "m1", "2025-01-10").Meeting("alpha", "m2", "2025-04-02")
            .Decision("alpha", "d1", "2025-01-10", "raised_at: m1\nraised_by: [ana, kite]\nstatus: adopted\nwe_did: Did it.\nresponded: 2025-02-09\nstandards: [impact]")
            .Decision("alpha", "d2", "2025-01-10", "raised_at: m1\nstatus: partly-adopted\nwe_did: Some of it.\nresponded: 2025-03-11\nreason: Cost.")
            .Decision("alpha", "d3", "2025-04-02", "raised_at: m2\nstatus: not-adopted\nwe_did: Explained why not.\nresponded: 2025-04-12\nreason: Ethics.")
            .Decision("alpha", "d4", "2025-04-02", "status: considering")
            .Decision("alpha", "d5", "2026-11-01", "status: open")
            .Decision("alpha", "d6", "2025-04-02", "status: adopted\nwe_did: Done.\nresponded: 2025-06-01");
        return t;
    }

    // Mixed: responded days are d3=10, d1=30, d2=60, d6=60 -> median (30+60)/2 = 45.
    // d4 waited 600 days unanswered (overdue); d5 waited 22 days (not overdue).
}
