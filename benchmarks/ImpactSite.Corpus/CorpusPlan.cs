namespace ImpactSite.Corpus;

public enum Credit { Name, Pseudonym, Role, Withdrawn }

public sealed record PersonPlan(string Id, Credit Credit, string? Name, string? Pseudonym, string Role, DateOnly? ConsentReview);

public sealed class StudyPlan
{
    public required int Index { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Status { get; init; }
    public required DateOnly Started { get; init; }
    public DateOnly? Ended { get; init; }
    public required string Funder { get; init; }
    public required string FunderReference { get; init; }
    public required IReadOnlyList<string> Groups { get; init; }
    public List<MeetingPlan> Meetings { get; } = [];
    public List<DecisionPlan> Decisions { get; } = [];
    public DateOnly Until => Ended ?? CorpusPlan.LastContentDate;
}

public sealed class MeetingPlan
{
    public required int Index { get; init; }
    public required StudyPlan Study { get; init; }
    public required string Slug { get; init; }
    public required DateOnly Date { get; init; }
    public required string Group { get; init; }
    public required string Topic { get; init; }
    public List<DecisionPlan> Raised { get; } = [];
}

public sealed class DecisionPlan
{
    public required int Index { get; init; }
    public required StudyPlan Study { get; init; }
    public required string Slug { get; init; }
    public required string Topic { get; init; }
    public required DateOnly Raised { get; init; }
    public MeetingPlan? RaisedAt { get; init; }
    public required string Status { get; init; }
    public DateOnly? Responded { get; init; }
}

public sealed record PostPlan(int Index, string Slug, string Topic, DateOnly Date, StudyPlan? Study);

public sealed record PagePlan(string Slug, string Title);

/// <summary>Who and what the corpus contains, decided up front so every link and @mention can be valid.</summary>
public sealed class CorpusPlan
{
    /// <summary>The build date benchmarks use (SOURCE_DATE_EPOCH=1795305600); content dates stay before it.</summary>
    public static readonly DateOnly BuildDate = new(2026, 11, 22);
    public static readonly DateOnly LastContentDate = new(2026, 10, 31);

    public required int Seed { get; init; }
    public required IReadOnlyList<PersonPlan> People { get; init; }
    public required IReadOnlyList<StudyPlan> Studies { get; init; }
    public required IReadOnlyList<PostPlan> Posts { get; init; }
    public required IReadOnlyList<PagePlan> Pages { get; init; }

    public int MeetingCount => Studies.Sum(s => s.Meetings.Count);
    public int DecisionCount => Studies.Sum(s => s.Decisions.Count);
    public int EntryCount => Studies.Count + MeetingCount + DecisionCount + Posts.Count + Pages.Count;

    public static CorpusPlan Create(int entries, int seed)
    {
        var random = new Random(seed);
        var pages = new List<PagePlan>
        {
            new("about", "About this site"),
            new("accessibility", "Accessibility statement"),
            new("privacy", "Privacy notice: how we credit contributors"),
        };
        var studyCount = Math.Max(2, (int)Math.Round(entries / 200.0));
        var rest = entries - studyCount - pages.Count;
        var postCount = Math.Max(1, (int)Math.Round(rest * 0.10));
        var meetingCount = (int)Math.Round(rest * 0.30);
        var decisionCount = rest - postCount - meetingCount;

        var people = CreatePeople(random, Math.Clamp(24 + entries / 250, 24, 600));
        var acronyms = new HashSet<string>(StringComparer.Ordinal);
        var studies = Enumerable.Range(0, studyCount).Select(i => CreateStudy(random, i, acronyms)).ToList();

        // Meetings first (spread over each study's active years), then decisions raised at them.
        for (var i = 0; i < meetingCount; i++)
        {
            var study = studies[i % studyCount];
            var date = Between(random, study.Started, study.Until);
            var group = Pick(random, study.Groups);
            var slug = $"{Text.D(date)}-{Words.Slug(group)}";
            if (study.Meetings.Any(m => m.Slug == slug)) slug += "-" + (study.Meetings.Count + 1);
            study.Meetings.Add(new MeetingPlan { Index = i, Study = study, Slug = slug, Date = date, Group = group, Topic = Words.Topic(random) });
        }
        foreach (var study in studies) study.Meetings.Sort((a, b) => a.Date.CompareTo(b.Date));

        var statuses = new (string Status, int Weight)[] { ("open", 12), ("considering", 12), ("adopted", 38), ("partly-adopted", 19), ("not-adopted", 19) };
        for (var i = 0; i < decisionCount; i++)
        {
            var study = studies[(i * 7 + i / studyCount) % studyCount];
            var meeting = study.Meetings.Count > 0 && random.NextDouble() < 0.85 ? Pick(random, study.Meetings) : null;
            var raised = meeting?.Date ?? Between(random, study.Started, study.Until);
            // Every status appears early on, so even small corpora carry each one.
            var status = i < statuses.Length ? statuses[i].Status : Weighted(random, statuses);
            DateOnly? responded = status is "open" or "considering" ? null : Min(raised.AddDays(random.Next(7, 220)), LastContentDate);
            var topic = Words.Topic(random);
            var decision = new DecisionPlan
            {
                Index = i, Study = study, Slug = $"{Words.Slug(topic)}-{i + 1}", Topic = topic, Raised = raised, RaisedAt = meeting,
                Status = status, Responded = responded,
            };
            study.Decisions.Add(decision);
            meeting?.Raised.Add(decision);
        }

        var posts = new List<PostPlan>();
        for (var i = 0; i < postCount; i++)
        {
            var topic = Words.Topic(random);
            var study = random.NextDouble() < 0.8 ? Pick(random, studies) : null;
            var date = study is null ? Between(random, new DateOnly(2015, 1, 1), LastContentDate) : Between(random, study.Started, study.Until);
            posts.Add(new PostPlan(i, $"{Words.Slug(topic)}-{i + 1}", topic, date, study));
        }
        return new CorpusPlan { Seed = seed, People = people, Studies = studies, Posts = posts, Pages = pages };
    }

    static StudyPlan CreateStudy(Random random, int index, HashSet<string> acronyms)
    {
        string acronym;
        do acronym = Names.Acronym(random); while (!acronyms.Add(acronym));
        var status = index == 1 || (index % 4 == 3) ? "completed" : index % 20 == 5 ? "planned" : "active";
        var started = new DateOnly(2012, 1, 1).AddDays(random.Next(0, 365 * 12));
        DateOnly? ended = status == "completed" ? Min(started.AddDays(random.Next(500, 1800)), LastContentDate) : null;
        if (ended is { } e && e <= started) ended = started.AddDays(30);
        var groups = new List<string> { Pick(random, Words.Groups) };
        while (groups.Count < random.Next(1, 4))
        {
            var g = Pick(random, Words.Groups);
            if (!groups.Contains(g)) groups.Add(g);
        }
        return new StudyPlan
        {
            Index = index, Slug = acronym.ToLowerInvariant(), Title = $"{acronym}: {Words.StudyAim(random)}",
            Status = status, Started = started, Ended = ended, Funder = Names.Funder(random),
            FunderReference = $"FR-{started.Year}-{random.Next(1000, 9999)}", Groups = groups,
        };
    }

    static List<PersonPlan> CreatePeople(Random random, int count)
    {
        var people = new List<PersonPlan>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pseudonyms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            string name;
            do name = Names.Person(random); while (!names.Add(name));
            var first = name.Split(' ')[0].ToLowerInvariant();
            var id = $"{first}-{char.ToLowerInvariant(name.Split(' ')[1][0])}";
            for (var n = 2; !ids.Add(id); n++) id = $"{first}-{n}";
            // The first four cover every credit kind; after that, a realistic mix.
            var credit = i < 4 ? (Credit)i : random.Next(100) switch { < 35 => Credit.Name, < 60 => Credit.Pseudonym, < 85 => Credit.Role, _ => Credit.Withdrawn };
            string? pseudonym = null;
            if (credit == Credit.Pseudonym)
                do pseudonym = Names.Pseudonym(random); while (!pseudonyms.Add(pseudonym));
            // Names stored for people not credited by name are withheld: the build must never publish them.
            var storedName = credit switch
            {
                Credit.Name or Credit.Withdrawn => name,
                _ => i < 4 || random.NextDouble() < 0.4 ? name : null,
            };
            DateOnly? review = random.NextDouble() < 0.25 ? CorpusPlan.BuildDate.AddDays(random.Next(30, 700)) : null;
            people.Add(new PersonPlan(id, credit, storedName, pseudonym, Pick(random, Words.Roles), review));
        }
        return people;
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    static string Weighted(Random random, (string Value, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return items[^1].Value;
    }

    public static DateOnly Between(Random random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
