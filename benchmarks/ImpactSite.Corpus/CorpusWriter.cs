using System.Text;
using static ImpactSite.Corpus.Text;

namespace ImpactSite.Corpus;

/// <summary>One markdown file: its contract path, ImpactSite front matter, body, and the title/date the copies get.</summary>
public sealed record EntryFile(string Path, string FrontMatter, string Body, string Title, DateOnly Date);

/// <summary>
/// Writes DIR (the ImpactSite input), DIR-hugo/content and DIR-eleventy. Each entry gets its own Random seeded from
/// (seed, kind, index), so files are written in parallel and still come out the same on every run.
/// </summary>
public sealed class CorpusWriter(CorpusPlan plan, string root)
{
    readonly IReadOnlyList<PersonPlan> people = plan.People;

    public void WriteAll()
    {
        foreach (var dir in new[] { root, root + "-hugo", root + "-eleventy" })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "site.yml"), SiteYml());
        File.WriteAllText(Path.Combine(root, "people.yml"), PeopleYml());

        var jobs = new List<Func<EntryFile>>();
        foreach (var study in plan.Studies)
        {
            jobs.Add(() => Study(study));
            foreach (var meeting in study.Meetings) jobs.Add(() => Meeting(meeting));
            foreach (var decision in study.Decisions) jobs.Add(() => Decision(decision));
        }
        foreach (var post in plan.Posts) jobs.Add(() => Post(post));
        foreach (var page in plan.Pages) jobs.Add(() => Page(page));
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, job => Write(job()));
    }

    void Write(EntryFile entry)
    {
        Save(Path.Combine(root, entry.Path), $"---\n{entry.FrontMatter}---\n\n{entry.Body}");
        var plain = $"---\ntitle: {Q(entry.Title)}\ndate: {D(entry.Date)}\n---\n\n{entry.Body}";
        // In Hugo a folder's index.md is a leaf bundle that would swallow the study's meetings and decisions; _index.md is a section.
        var hugoPath = entry.Path.EndsWith("/index.md", StringComparison.Ordinal) ? entry.Path[..^"index.md".Length] + "_index.md" : entry.Path;
        Save(Path.Combine(root + "-hugo", "content", hugoPath), plain);
        Save(Path.Combine(root + "-eleventy", entry.Path), plain);
    }

    static void Save(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Not HashCode.Combine: that is randomised per process, and the corpus must be the same on every run.</summary>
    Random RandomFor(int kind, int index) => new(unchecked(plan.Seed * 1_000_003 + kind * 10_000_019 + index * 7919) & 0x7fffffff);

    string SiteYml() =>
        "# Synthetic site for benchmarks (benchmarks/ImpactSite.Corpus). Every name in it is invented.\n" +
        "title: \"Fenmoor Involvement Impact\"\n" +
        "base_url: \"https://impact.fenmoor.example/\"\n" +
        "language: en-GB\n" +
        Folded("description", "What patients, carers and members of the public told our researchers, and what changed because of it.") +
        "organisation: \"Fenmoor Health Research Unit\"\n" +
        "contact_email: \"involvement@fenmoor.example\"\n" +
        "overdue_after_days: 90\n" +
        "repository_url: \"https://git.fenmoor.example/ppi/impact-site\"\n" +
        "frameworks:\n  - uk-standards\n  - 4pi\n";

    string PeopleYml()
    {
        var sb = new StringBuilder("# Synthetic contributor register: every name here is invented from syllables.\n\n");
        foreach (var p in people)
        {
            sb.Append("- id: ").Append(p.Id).Append('\n');
            sb.Append("  credit: ").Append(p.Credit switch { Credit.Pseudonym => "pseudonym", Credit.Role => "role", _ => "name" }).Append('\n');
            if (p.Name is not null) sb.Append("  name: ").Append(Q(p.Name)).Append('\n');
            if (p.Pseudonym is not null) sb.Append("  pseudonym: ").Append(Q(p.Pseudonym)).Append('\n');
            sb.Append("  role: ").Append(Q(p.Role)).Append('\n');
            if (p.Credit == Credit.Withdrawn) sb.Append("  withdrawn: true\n");
            if (p.ConsentReview is { } r) sb.Append("  consent_review: ").Append(D(r)).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- entries

    EntryFile Study(StudyPlan s)
    {
        var r = RandomFor(1, s.Index);
        var fm = new StringBuilder();
        fm.Append("title: ").Append(Q(s.Title)).Append('\n');
        fm.Append(Folded("summary", $"{s.Title.Split(':')[0]} is testing {Words.StudyAim(r)}. " + Paragraph(r, 2, [], [])));
        fm.Append("status: ").Append(s.Status).Append('\n');
        fm.Append("started: ").Append(D(s.Started)).Append('\n');
        if (s.Ended is { } e) fm.Append("ended: ").Append(D(e)).Append('\n');
        fm.Append("funder: ").Append(Q(s.Funder)).Append('\n');
        fm.Append("funder_reference: ").Append(Q(s.FunderReference)).Append('\n');
        fm.Append("groups:\n");
        foreach (var g in s.Groups) fm.Append("  - ").Append(Q(g)).Append('\n');
        fm.Append(Tags(r));
        fm.Append(Literal("involvement_aim", Paragraph(r, 3, [], [])));
        fm.Append(Literal("involvement_methods", $"**{s.Groups[0]}** meets about every four months. " + Paragraph(r, 3, [], [])));
        fm.Append(Literal("discussion", Paragraph(r, 3, [], []) + "\n\n" + Paragraph(r, 2, [], [])));
        fm.Append(Literal("reflections", Paragraph(r, 3, [], [])));

        var links = new List<string>();
        if (s.Meetings.Count > 0) links.Add(Link(s.Meetings[^1].Topic, $"meetings/{s.Meetings[^1].Slug}.md"));
        if (s.Decisions.Count > 0) links.Add(Link(s.Decisions[0].Topic, $"decisions/{s.Decisions[0].Slug}.md"));
        var body = Body(r, r.Next(2, 5), MentionsFrom(r, 2), links, headings: false);
        return new EntryFile($"studies/{s.Slug}/index.md", fm.ToString(), body, s.Title, s.Started);
    }

    EntryFile Meeting(MeetingPlan m)
    {
        var r = RandomFor(2, m.Index);
        var attendees = PickPeople(r, r.Next(2, 8));
        var chair = attendees[0];
        var title = $"{m.Group}: {m.Topic}";
        var fm = new StringBuilder();
        fm.Append("title: ").Append(Q(title)).Append('\n');
        fm.Append("date: ").Append(D(m.Date)).Append('\n');
        fm.Append("group: ").Append(Q(m.Group)).Append('\n');
        fm.Append("format: ").Append(CorpusPlan.Pick(r, Words.Formats)).Append('\n');
        fm.Append("chair: ").Append(chair.Id).Append('\n');
        fm.Append("attendees:\n");
        foreach (var a in attendees) fm.Append("  - ").Append(a.Id).Append('\n');
        fm.Append("attendee_count: ").Append(attendees.Count + r.Next(0, 6)).Append('\n');
        fm.Append(StandardsYaml(r));

        var sb = new StringBuilder();
        sb.Append(Paragraph(r, r.Next(2, 4), [], [])).Append("\n\n");
        sb.Append("## Agenda\n\n| Item | Led by |\n|---|---|\n");
        for (var i = 0; i < r.Next(3, 6); i++) sb.Append("| ").Append(Text.Cap(Words.Topic(r))).Append(" | @").Append(CorpusPlan.Pick(r, attendees).Id).Append(" |\n");
        sb.Append('\n');
        var links = m.Raised.Select(d => Link(d.Topic, $"../decisions/{d.Slug}.md")).ToList();
        if (r.NextDouble() < 0.3) links.Add(Link("privacy notice", "../../../pages/privacy.md"));
        sb.Append(Body(r, r.Next(2, 5), attendees.Select(a => a.Id).ToList(), links, headings: true));
        sb.Append("\n\n## Actions\n\n");
        var footnote = r.NextDouble() < 0.4;
        for (int i = 0, n = r.Next(2, 5); i < n; i++)
        {
            sb.Append(r.NextDouble() < 0.6 ? "- [x] @" : "- [ ] @").Append(CorpusPlan.Pick(r, attendees).Id).Append(' ').Append(Words.Action(r));
            if (footnote && i == n - 1) sb.Append("[^1]");
            sb.Append('\n');
        }
        if (footnote) sb.Append("\n[^1]: ").Append(Words.Sentence(r)).Append("\n    ").Append(Words.Sentence(r)).Append('\n');
        return new EntryFile($"studies/{m.Study.Slug}/meetings/{m.Slug}.md", fm.ToString(), sb.ToString(), title, m.Date);
    }

    EntryFile Decision(DecisionPlan d)
    {
        var r = RandomFor(3, d.Index);
        var title = Text.Cap(d.Topic);
        var fm = new StringBuilder();
        fm.Append("title: ").Append(Q(title)).Append('\n');
        fm.Append("raised: ").Append(D(d.Raised)).Append('\n');
        if (d.RaisedAt is { } at) fm.Append("raised_at: ").Append(at.Slug).Append('\n');
        var raisers = r.NextDouble() < 0.75 ? PickPeople(r, r.Next(1, 4)) : [];
        if (raisers.Count > 0)
        {
            fm.Append("raised_by:\n");
            foreach (var p in raisers) fm.Append("  - ").Append(p.Id).Append('\n');
        }
        fm.Append(Folded("you_said", $"Make the {d.Topic}. " + Paragraph(r, r.Next(1, 3), [], [])));
        fm.Append("status: ").Append(d.Status).Append('\n');
        if (d.Responded is { } responded)
        {
            fm.Append(Folded("we_did", Paragraph(r, r.Next(2, 4), [], [])));
            fm.Append("responded: ").Append(D(responded)).Append('\n');
            if (d.Status is "partly-adopted" or "not-adopted") fm.Append(Folded("reason", Paragraph(r, r.Next(1, 4), [], [])));
            fm.Append("decided_by: ").Append(Q(CorpusPlan.Pick(r, Words.DecidedBy))).Append('\n');
        }
        fm.Append(StandardsYaml(r));
        var until = d.Responded ?? CorpusPlan.LastContentDate;
        if ((d.Status == "considering" || r.NextDouble() < 0.3) && until.DayNumber - d.Raised.DayNumber > 2)
        {
            fm.Append("updates:\n");
            var date = d.Raised;
            for (int i = 0, n = r.Next(1, 4); i < n && date < until.AddDays(-1); i++)
            {
                date = CorpusPlan.Between(r, date.AddDays(1), until.AddDays(-1));
                fm.Append("  - date: ").Append(D(date)).Append('\n');
                fm.Append("    status: ").Append(i == 0 && r.NextDouble() < 0.3 ? "open" : "considering").Append('\n');
                fm.Append("    note: ").Append(Q(Words.Sentence(r).TrimEnd('.') + ".")).Append('\n');
            }
        }

        var links = new List<string>();
        if (d.RaisedAt is { } meeting) links.Add(Link("the meeting where this was raised", $"../meetings/{meeting.Slug}.md"));
        var sibling = d.Study.Decisions[r.Next(d.Study.Decisions.Count)];
        if (sibling != d) links.Add(Link(sibling.Topic, $"{sibling.Slug}.md"));
        if (r.NextDouble() < 0.2) links.Add(Link("the study page", "../index.md"));
        var mentions = raisers.Count > 0 ? raisers.Select(p => p.Id).ToList() : MentionsFrom(r, 1);
        var body = Body(r, r.Next(1, 4), mentions, links, headings: r.NextDouble() < 0.3);
        return new EntryFile($"studies/{d.Study.Slug}/decisions/{d.Slug}.md", fm.ToString(), body, title, d.Raised);
    }

    EntryFile Post(PostPlan p)
    {
        var r = RandomFor(4, p.Index);
        var title = $"{Text.Cap(p.Topic)}: {Words.Heading(r).ToLowerInvariant()}";
        var authors = PickPeople(r, r.Next(1, 4));
        var fm = new StringBuilder();
        fm.Append("title: ").Append(Q(title)).Append('\n');
        fm.Append("date: ").Append(D(p.Date)).Append('\n');
        fm.Append("authors:\n");
        foreach (var a in authors) fm.Append("  - ").Append(a.Id).Append('\n');
        if (p.Study is { } s) fm.Append("study: ").Append(s.Slug).Append('\n');
        fm.Append(Folded("summary", Paragraph(r, 2, [], [])));
        fm.Append(Tags(r));
        if (r.NextDouble() < 0.1) fm.Append("content_note: ").Append(Q(CorpusPlan.Pick(r, Words.ContentNotes))).Append('\n');
        if (r.NextDouble() < 0.4) fm.Append(StandardsYaml(r));

        var links = new List<string> { Link("about this site", "../pages/about.md") };
        if (p.Study is { } study)
        {
            if (study.Decisions.Count > 0)
            {
                var d = study.Decisions[r.Next(study.Decisions.Count)];
                links.Add(Link(d.Topic, $"../studies/{study.Slug}/decisions/{d.Slug}.md"));
            }
            if (study.Meetings.Count > 0)
            {
                var m = study.Meetings[r.Next(study.Meetings.Count)];
                links.Add(Link($"the {m.Group} meeting", $"../studies/{study.Slug}/meetings/{m.Slug}.md"));
            }
        }
        if (p.Index > 0) links.Add(Link("an earlier post", $"{plan.Posts[r.Next(p.Index)].Slug}.md"));
        var sb = new StringBuilder(Body(r, r.Next(3, 7), authors.Select(a => a.Id).ToList(), links, headings: true));
        if (r.NextDouble() < 0.5)
        {
            sb.Append("\n\nThe new version:\n\n");
            for (var i = 0; i < r.Next(3, 6); i++) sb.Append("- ").Append(Words.ListItem(r)).Append('\n');
        }
        if (r.NextDouble() < 0.2)
        {
            sb.Append("\n| What | Before | After |\n|---|---:|---:|\n");
            for (var i = 0; i < r.Next(2, 5); i++) sb.Append("| ").Append(Text.Cap(Words.Topic(r))).Append(" | ").Append(r.Next(5, 40)).Append(" | ").Append(r.Next(1, 20)).Append(" |\n");
        }
        if (r.NextDouble() < 0.3) sb.Append("\nWe counted every reply by hand.[^note]\n\n[^note]: ").Append(Words.Sentence(r)).Append('\n');
        return new EntryFile($"posts/{p.Slug}.md", fm.ToString(), sb.ToString().TrimEnd() + "\n", title, p.Date);
    }

    EntryFile Page(PagePlan page)
    {
        var r = RandomFor(5, page.Slug.Length);
        var others = plan.Pages.Where(p => p != page).Select(p => Link(p.Title.ToLowerInvariant(), $"{p.Slug}.md")).ToList();
        if (plan.Posts.Count > 0) others.Add(Link("our latest post", $"../posts/{plan.Posts[^1].Slug}.md"));
        var sb = new StringBuilder(Body(r, 4, [], others, headings: true));
        sb.Append("\n\nOn this site you will find:\n\n");
        for (var i = 0; i < 4; i++) sb.Append("- ").Append(Words.ListItem(r)).Append('\n');
        return new EntryFile($"pages/{page.Slug}.md", $"title: {Q(page.Title)}\n", sb.ToString(), page.Title, CorpusPlan.LastContentDate);
    }

    // ---------------------------------------------------------------- prose

    /// <summary>Paragraphs (some under "## " headings) that use the given @mentions and links, each at least once.</summary>
    static string Body(Random r, int paragraphs, IReadOnlyList<string> mentions, IReadOnlyList<string> links, bool headings)
    {
        var sb = new StringBuilder();
        var linkQueue = new Queue<string>(links);
        for (var i = 0; i < paragraphs; i++)
        {
            if (headings && i > 0 && r.NextDouble() < 0.4) sb.Append("## ").Append(Words.Heading(r)).Append("\n\n");
            var mine = new List<string>();
            if (linkQueue.Count > 0 && (i == paragraphs - 1 || r.NextDouble() < 0.5))
                while (linkQueue.Count > 0 && (mine.Count == 0 || i == paragraphs - 1)) mine.Add(linkQueue.Dequeue());
            var text = Paragraph(r, r.Next(3, 7), mentions, mine);
            foreach (var line in Wrap(text, 78)) sb.Append(line).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd() + "\n";
    }

    static string Paragraph(Random r, int sentences, IReadOnlyList<string> mentions, IReadOnlyList<string> links)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            var mention = mentions.Count > 0 && r.NextDouble() < 0.35 ? "@" + mentions[r.Next(mentions.Count)] : null;
            if (sb.Length > 0) sb.Append(' ');
            var sentence = Words.Sentence(r, mention);
            if (sentence.Contains(" that ") && r.NextDouble() < 0.1) sentence = sentence.Replace(" that ", " that **") + "**";
            sb.Append(sentence.Replace(".**", "**."));
        }
        foreach (var link in links) sb.Append(" See ").Append(link).Append('.');
        return sb.ToString();
    }

    static string Link(string text, string target) => $"[{text}]({target})";

    List<PersonPlan> PickPeople(Random r, int count)
    {
        var chosen = new List<PersonPlan>();
        while (chosen.Count < Math.Min(count, people.Count))
        {
            var p = people[r.Next(people.Count)];
            if (!chosen.Contains(p)) chosen.Add(p);
        }
        return chosen;
    }

    List<string> MentionsFrom(Random r, int count) => PickPeople(r, count).Select(p => p.Id).ToList();

    static string Tags(Random r)
    {
        var n = r.Next(0, 4);
        if (n == 0) return "";
        var tags = Enumerable.Range(0, n).Select(_ => CorpusPlan.Pick(r, Words.Tags)).Distinct();
        return "tags:\n" + string.Concat(tags.Select(t => $"  - {Q(t)}\n"));
    }

    static string StandardsYaml(Random r)
    {
        var n = r.Next(0, 4);
        if (n == 0) return "";
        var ids = Enumerable.Range(0, n).Select(_ => CorpusPlan.Pick(r, Words.Standards)).Distinct();
        return "standards:\n" + string.Concat(ids.Select(s => $"  - {s}\n"));
    }
}
