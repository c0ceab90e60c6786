using System.Text.RegularExpressions;
using ImpactSite.Text;

namespace ImpactSite.Validate;

/// <summary>
/// Abbreviations and research jargon a public reader may not know, at any length of text: an abbreviation is fine once
/// the same text explains it ("participant information sheet (PIS)"), and names (a study called BRIDGE, a group called
/// LEAP North) are never jargon. A small built-in glossary gives the plain words to use instead.
/// </summary>
public static partial class Jargon
{
    /// <summary>What an unexplained term was and the plain-English advice for it; Term is the first one, for locating it.</summary>
    public sealed record Finding(string Term, string Message);

    /// <summary>Abbreviations common in research, and what each stands for.</summary>
    static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["PIS"] = "participant information sheet", ["ICF"] = "informed consent form", ["CRF"] = "case report form",
        ["DMEC"] = "data monitoring and ethics committee", ["DMC"] = "data monitoring committee",
        ["TSC"] = "trial steering committee", ["TMG"] = "trial management group", ["SMG"] = "study management group",
        ["REC"] = "research ethics committee", ["HRA"] = "Health Research Authority", ["CI"] = "chief investigator",
        ["PI"] = "principal investigator", ["RCT"] = "randomised controlled trial", ["AE"] = "adverse event (a harm)",
        ["SAE"] = "serious adverse event (a serious harm)", ["GCP"] = "good clinical practice", ["CTU"] = "clinical trials unit",
        ["SOP"] = "standard operating procedure", ["PROM"] = "patient-reported outcome measure (a questionnaire)",
        ["IRAS"] = "Integrated Research Application System", ["NIHR"] = "National Institute for Health and Care Research",
        ["PPI"] = "patient and public involvement", ["PPIE"] = "patient and public involvement and engagement",
        ["EDI"] = "equality, diversity and inclusion", ["TMF"] = "trial master file", ["SAP"] = "statistical analysis plan",
        ["ITT"] = "intention to treat", ["QI"] = "quality improvement", ["MDT"] = "multidisciplinary team",
    };

    /// <summary>Abbreviations most readers use every day, and words written in capitals for emphasis.</summary>
    static readonly HashSet<string> Everyday = new(StringComparer.Ordinal)
    {
        "NHS", "GP", "UK", "HR", "A&E", "OK", "TV", "ID", "IT", "BBC", "COVID", "PDF", "BSL", "EU", "MP", "CV", "FAQ", "USA",
        "AM", "PM", "II", "III", "IV", "NOT", "NO", "NEVER", "ALL", "ONCE", "ONLY", "MUST", "DO", "ANY", "NONE", "NOW", "YES",
        "AND", "OR", "THE", "FREE", "NEW", "PLEASE", "NOTE", "IMPORTANT",
    };

    /// <summary>Research words with everyday alternatives.</summary>
    static readonly (string Term, string Plain)[] Terms =
    [
        ("randomised", "chosen by chance"), ("randomized", "chosen by chance"), ("randomisation", "choosing by chance"),
        ("cohort", "group"), ("protocol", "study plan"), ("efficacy", "how well it works"), ("placebo", "dummy treatment"),
        ("qualitative", "based on what people tell us"), ("quantitative", "based on numbers"), ("longitudinal", "over a long time"),
        ("stakeholders", "people with an interest"), ("disseminate", "share"), ("dissemination", "sharing the results"),
        ("outcome measures", "what we measure"), ("baseline", "the start"), ("eligibility criteria", "who can take part"),
        ("inclusion criteria", "who can take part"), ("exclusion criteria", "who cannot take part"),
        ("adverse events", "harms or side effects"), ("adverse event", "harm or side effect"),
        ("comorbidities", "other health conditions"), ("comorbidity", "another health condition"), ("utilise", "use"),
        ("facilitate", "help"), ("methodology", "method"), ("statistically significant", "unlikely to be down to chance"),
        ("primary endpoint", "main result we measure"), ("sample size", "number of people taking part"),
        ("double-blind", "nobody knows who gets which treatment"), ("informed consent", "agreeing to take part, knowing what it involves"),
    ];

    // A term in quotes is being talked about ("explain 'randomised'"), not used.
    static readonly Regex TermPattern = new(
        @"(?<![""“‘'])\b(" + string.Join('|', Terms.Select(t => Regex.Escape(t.Term).Replace(@"\ ", @"\s+"))) + @")\b(?![""”’'])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <param name="names">Words that are names on this site (study titles, group names, the organisation), never jargon.</param>
    public static IEnumerable<Finding> Check(string text, string what, IReadOnlySet<string> names)
    {
        var unexplained = Acronym().Matches(text).Select(m => m.Groups["a"].Value)
            .Where(a => !Everyday.Contains(a) && !names.Contains(a) && !Explained(text, a))
            .Distinct().ToList();
        if (unexplained.Count > 0)
        {
            var listed = English(unexplained.Select(a => Abbreviations.TryGetValue(a, out var full) ? $"{a} ({full})" : a).ToList());
            var example = unexplained.FirstOrDefault(Abbreviations.ContainsKey) is { } known
                ? $"{Abbreviations[known]} ({known})" : "participant information sheet (PIS)";
            yield return new(unexplained[0], $"{what} uses {(unexplained.Count == 1 ? "an abbreviation" : "abbreviations")} readers may not know: {listed}. " +
                $"Write {(unexplained.Count == 1 ? "it" : "each")} out in full, with the abbreviation after it in brackets if it is used again, such as \"{example}\".");
        }
        var jargon = TermPattern.Matches(text).Select(m => m.Value).DistinctBy(t => t.ToLowerInvariant()).ToList();
        if (jargon.Count > 0)
            yield return new(jargon[0], $"{what} uses research jargon: " +
                English(jargon.Select(t => $"'{t}' (try '{Terms.First(x => Regex.IsMatch(t, "^" + Regex.Escape(x.Term).Replace(@"\ ", @"\s+") + "$", RegexOptions.IgnoreCase)).Plain}')").ToList()) +
                ". Use the everyday words, or explain the term in the same sentence.");
    }

    /// <summary>"participant information sheet (PIS)", "PIS (participant information sheet)", "PIS stands for ...".</summary>
    static bool Explained(string text, string acronym)
    {
        var a = Regex.Escape(acronym);
        return Regex.IsMatch(text, $@"\(\s*{a}[\w-]*\s*\)|\b{a}[\w-]*\s*\((?!\s*\))|\b{a}\b,?\s+(stands for|means|is short for)");
    }

    static string English(IReadOnlyList<string> items) => Text.English.List(items);

    /// <summary>Two or more capitals (digits and '&amp;' allowed inside), with an optional plural 's': PIS, DMEC, CRFs, A&amp;E.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<a>[A-Z][A-Z0-9&]*[A-Z])s?(?![\p{L}\d])")]
    private static partial Regex Acronym();
}
