using System.Text;

namespace ImpactSite.Corpus;

/// <summary>Invented names built from syllables (never real people), pseudonyms and study acronyms.</summary>
public static class Names
{
    static readonly string[] Onsets = ["B", "Br", "C", "Dr", "F", "G", "H", "J", "K", "L", "M", "N", "Ol", "P", "Qu", "R", "S", "T", "Th", "V", "W", "Y", "Z", "El", "Is", "Or", "Ar"];
    static readonly string[] Middles = ["a", "e", "i", "o", "u", "ae", "ie", "ou", "ya"];
    static readonly string[] Codas = ["ven", "ric", "lin", "dra", "mos", "thel", "wyn", "rae", "dor", "mira", "sk", "nell", "bryn", "quin", "ra", "lo", "zan", "vette"];
    static readonly string[] SurnameParts = ["mor", "quist", "hal", "vane", "tarn", "brook", "wick", "fen", "ley", "dun", "shaw", "more", "rigg", "combe", "ash", "well", "croft", "by", "thorpe", "hurst"];
    static readonly string[] Adjectives = ["Blue", "Quiet", "Silver", "Bright", "Gentle", "Swift", "Amber", "Hollow", "Lucky", "Early", "Steady", "Northern", "Little", "Patient", "Hidden", "Wild", "Copper", "Misty", "Golden", "Velvet"];
    static readonly string[] Creatures = ["Heron", "Fox", "Wren", "Otter", "Kestrel", "Badger", "Finch", "Hare", "Moth", "Lark", "Robin", "Swallow", "Owl", "Marten", "Plover", "Curlew", "Newt", "Vole", "Stoat", "Dipper", "Teal", "Linnet", "Merlin", "Shrike", "Egret", "Pipit", "Tern", "Puffin", "Osprey", "Starling"];
    static readonly string[] FunderKinds = ["Research Trust", "Health Foundation", "Charitable Fund", "Research Council", "Community Trust"];

    static string Syllables(Random random, int count)
    {
        var sb = new StringBuilder(CorpusPlan.Pick(random, Onsets));
        for (var i = 0; i < count; i++)
        {
            sb.Append(CorpusPlan.Pick(random, Middles));
            sb.Append(CorpusPlan.Pick(random, Codas));
        }
        return sb.ToString();
    }

    public static string Person(Random random)
    {
        var given = Syllables(random, 1);
        var surname = Text.Cap(CorpusPlan.Pick(random, SurnameParts) + Syllables(random, 1).ToLowerInvariant());
        if (random.NextDouble() < 0.2) surname += "-" + Text.Cap(CorpusPlan.Pick(random, SurnameParts) + CorpusPlan.Pick(random, SurnameParts));
        return $"{given} {surname}";
    }

    public static string Pseudonym(Random random) =>
        $"{CorpusPlan.Pick(random, Adjectives)} {CorpusPlan.Pick(random, Creatures)}" + (random.NextDouble() < 0.3 ? " " + (random.Next(2, 99)) : "");

    public static string Acronym(Random random) => Syllables(random, random.Next(1, 3)).ToUpperInvariant().Replace(" ", "");

    public static string Funder(Random random) =>
        $"{Text.Cap(CorpusPlan.Pick(random, SurnameParts) + CorpusPlan.Pick(random, SurnameParts))} {CorpusPlan.Pick(random, FunderKinds)}";
}

/// <summary>
/// Word banks for plain-English prose about involvement in research. Sentences are put together from parts, so
/// bodies vary in length and wording while staying readable enough to look like the real thing to a parser.
/// </summary>
public static class Words
{
    public static readonly string[] Roles = ["LEAP member", "Carer representative", "Service user researcher", "PPI co-ordinator", "Research assistant", "Chief investigator", "Patient partner", "Community researcher", "Peer worker", "Trial manager"];
    public static readonly string[] Groups = ["LEAP North", "LEAP South", "Carers' Circle", "Young People's Panel", "Older Adults' Reference Group", "Participant Forum", "Community Advisory Group", "Patient Partners Group"];
    public static readonly string[] Formats = ["in-person", "online", "hybrid"];
    public static readonly string[] Standards = ["inclusive-opportunities", "working-together", "support-and-learning", "communications", "impact", "governance", "principles", "purpose", "presence", "process"];
    public static readonly string[] Tags = ["recruitment", "plain English", "ethics", "questionnaires", "payments", "accessibility", "carers", "young people", "results", "consent", "peer support", "outdoors", "interviews", "data", "training"];
    public static readonly string[] ContentNotes = ["discusses experiences of crisis care", "mentions self-harm", "discusses bereavement", "describes hospital admission"];
    public static readonly string[] DecidedBy = ["Trial steering committee", "Chief investigator", "Study management group", "Study sponsor and chief investigator", "Research ethics committee", "Trial manager, with the PPI co-ordinator"];

    static readonly string[] TopicNouns = ["invitation letter", "consent form", "mood diary", "follow-up calls", "travel expenses", "meeting times", "interview questions", "results summary", "reminder letters", "parking costs", "changing rooms", "easy-read leaflet", "session length", "quiet room", "translated materials", "payment for time", "training day", "website wording", "questionnaire order", "video calls", "venue access", "childcare costs", "peer worker role", "data sharing notice", "thank-you letters"];
    static readonly string[] TopicVerbs = ["shorter", "clearer", "earlier", "cheaper", "friendlier", "simpler", "more flexible", "paid in advance", "offered online", "checked by members", "in plain English", "available in print"];
    static readonly string[] Aims = ["peer support after a mental health crisis", "outdoor swimming for anxiety", "confidence after a fall", "sleep in the weeks after surgery", "walking groups for people with long-term pain", "text support for young carers", "music sessions on dementia wards", "cooking classes for new parents", "community gardening and low mood", "phone coaching after a stroke"];

    static readonly string[] Subjects = ["The group", "Several members", "The study team", "One carer", "A participant", "Most people in the room", "The chief investigator", "Our co-ordinator", "Two members", "Everyone who came", "The trial manager", "A new member", "The panel"];
    static readonly string[] Verbs = ["said that", "pointed out that", "asked whether", "suggested that", "felt strongly that", "wondered if", "explained that", "agreed that", "reminded us that", "was worried that", "noticed that", "made the case that"];
    static readonly string[] Clauses = ["the letters were too long to read on a bad day", "people should be paid before they travel, not weeks later", "the questionnaire asked the hardest questions first", "evening meetings suited people who work", "the venue needed a step-free entrance", "carers should be invited to the follow-up calls", "results should go back to everyone who took part", "the word randomised needed explaining", "online meetings left out people without a laptop", "a quiet room would help people who feel overwhelmed", "the diary took far longer than the team thought", "the leaflet should be available in other languages", "a named person to ring would make a big difference", "nobody had told them what happened to their last suggestion", "the timetable did not fit around school hours"];
    static readonly string[] Tails = ["", "", "", " after the break", " at the end of the meeting", " in the small groups", " by email afterwards", " when we looked at the draft together", " more than once", " and others agreed"];
    static readonly string[] Connectives = ["We took this to the study management group.", "That took longer than we hoped.", "We have written down what we changed and why.", "Not everyone agreed, and we have said so.", "This is the part people remembered most.", "The team thanked everyone for being so frank.", "We will report back at the next meeting.", "The ethics committee had to approve the change.", "It cost very little and made a real difference.", "We are still working on the rest of it."];
    static readonly string[] Headings = ["What people told us", "What changed", "What we could not do", "Why it took so long", "Next steps", "What we learned", "Background", "How the meeting went", "Questions from the group", "Thanks"];
    static readonly string[] ListItems = ["says who we are in the first two sentences", "fits on one page", "explains every unfamiliar word the first time it appears", "has a named person and a direct phone number", "offers a paper copy and a large-print copy", "pays expenses within two weeks", "is checked by two members before it goes out", "gives a date by which we will reply", "uses a step-free venue with a hearing loop", "can be joined by telephone"];
    static readonly string[] ActionVerbs = ["to send round the notes", "to check the budget line", "to ask the ethics committee", "to book the next venue", "to draft a one-page summary", "to pay everyone's expenses", "to write back to the forum", "to update the leaflet", "to look into the costs", "to share the revised form"];

    public static string Topic(Random random) => $"{CorpusPlan.Pick(random, TopicNouns)} {CorpusPlan.Pick(random, TopicVerbs)}";
    public static string StudyAim(Random random) => CorpusPlan.Pick(random, Aims);
    public static string Heading(Random random) => CorpusPlan.Pick(random, Headings);
    public static string ListItem(Random random) => CorpusPlan.Pick(random, ListItems);
    public static string Action(Random random) => CorpusPlan.Pick(random, ActionVerbs);
    public static string Clause(Random random) => CorpusPlan.Pick(random, Clauses);

    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>One sentence; <paramref name="mention"/> (an @id) replaces the subject when given.</summary>
    public static string Sentence(Random random, string? mention = null)
    {
        if (random.NextDouble() < 0.2) return CorpusPlan.Pick(random, Connectives);
        var subject = mention ?? CorpusPlan.Pick(random, Subjects);
        return $"{subject} {CorpusPlan.Pick(random, Verbs)} {Clause(random)}{CorpusPlan.Pick(random, Tails)}.";
    }
}
