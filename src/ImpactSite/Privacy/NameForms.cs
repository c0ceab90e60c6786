using ImpactSite.Content.People;

namespace ImpactSite.Privacy;

public enum FormKind
{
    /// <summary>A form of a withheld name that must never be published: the family name, on its own or in any fuller form.</summary>
    Withheld,
    /// <summary>A withheld person's given name on its own: 'check' warns, the build does not refuse it.</summary>
    GivenName,
    /// <summary>What may be published: a name-credited person's name, any pseudonym or role. A withheld form inside one
    /// of these (Bob Lee, credited by name, when Ann Lee's name is withheld) is not a leak.</summary>
    Public,
}

/// <summary>A run of folded words that names someone, and what finding it means.</summary>
public sealed record NameForm(string[] Words, Person Person, FormKind Kind);

/// <summary>
/// The forms a reader would recognise a stored name by. Every fuller form of a name (with a title or middle names, family
/// name first, "Mrs Pellowe-Standish") contains the family name, so the family name is the one form to search for, plus
/// the words run together ("pellowestandish", "margueritepellowestandish") as in an address or a file name. Titles and
/// letters after the name are not part of it; nor are particles such as "van der", which are searched for with the
/// family name and without.
/// </summary>
public static class NameForms
{
    static readonly HashSet<string> Titles =
    [
        "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "master", "prof", "professor", "sir", "dame", "lady", "lord", "rev",
        "revd", "reverend", "fr", "father", "sister", "brother", "cllr", "councillor", "capt", "captain", "nurse", "dean",
    ];

    static readonly HashSet<string> Suffixes =
        ["jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv", "phd", "md", "mbe", "obe", "cbe", "frcp", "rgn", "rn", "esq"];

    static readonly HashSet<string> Particles =
        ["van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la", "le", "ter", "ten", "bin", "ibn", "al", "el", "st", "ap"];

    public static bool IsTitle(string foldedWord) => Titles.Contains(foldedWord);

    /// <summary>The words of a folded text: runs of ASCII letters and digits.</summary>
    public static string[] Words(string text)
    {
        var folded = TextFold.Fold(text);
        var words = new List<string>();
        for (var start = 0; start < folded.Length;)
        {
            while (start < folded.Length && !char.IsAsciiLetterOrDigit(folded[start])) start++;
            var end = start;
            while (end < folded.Length && char.IsAsciiLetterOrDigit(folded[end])) end++;
            if (end > start) words.Add(folded[start..end]);
            start = end;
        }
        return [.. words];
    }

    public static IEnumerable<NameForm> For(Person person)
    {
        if (person.EffectiveCredit == CreditKind.Name && person.Name is { } shown)
            yield return new(NameWords(shown).SelectMany(w => w).ToArray(), person, FormKind.Public);
        foreach (var text in new[] { person.Pseudonym, person.Role }.OfType<string>())
            if (Words(text) is { Length: > 0 } words) yield return new(words, person, FormKind.Public);
        if (person.WithheldName is not { } withheld) yield break;

        var name = NameWords(withheld);
        if (name.Count == 0) yield break;
        var familyStart = name.Count - 1;
        while (familyStart > 1 && Particles.Contains(string.Concat(name[familyStart - 1]))) familyStart--;
        var family = name.Skip(familyStart).SelectMany(w => w).ToArray();
        var last = name[^1];
        var all = name.SelectMany(w => w).ToArray();
        // The fuller forms hold the family name too; they are searched for so that an error points at where the name starts.
        List<string[]> forms = [family, last, all, [string.Concat(family)], [string.Concat(all)]];
        if (name.Count > 1) forms.AddRange([[.. name[0], .. family], [string.Concat(name[0].Concat(family))]]);
        foreach (var form in forms.DistinctBy(f => string.Join(' ', f))) yield return new(form, person, FormKind.Withheld);
        if (name.Count > 1) yield return new(name[0], person, FormKind.GivenName);
    }

    /// <summary>The words of a stored name without titles or letters after it, each word as its parts ("Pellowe-Standish"
    /// is one word of two parts).</summary>
    static List<string[]> NameWords(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Words)
            .Where(parts => parts.Length > 0).ToList();
        while (words.Count > 1 && words[0] is [var first] && Titles.Contains(first)) words.RemoveAt(0);
        while (words.Count > 1 && words[^1] is [var end] && Suffixes.Contains(end)) words.RemoveAt(words.Count - 1);
        return words;
    }
}
