namespace ImpactSite.Content.Posts;

/// <summary>What 'impactsite new post' writes: every key with a plain-English comment, required ones filled in.</summary>
static class PostStarter
{
    public static void Write(StarterWriter t, ScaffoldRequest r)
    {
        t.Title(r, "The post's title.");
        t.Comment("The publication date. Required.");
        t.Key("date", StarterWriter.Iso(r.Date));
        t.PeopleHint(r);
        t.Comment("Who wrote it: at least one person id from people.yml (without @), shown as each person's public credit. Required.");
        t.Key("authors", $"[{string.Join(", ", r.Authors)}]");
        t.Comment("The study the post is about: a study's folder name. Optional. The post then appears on that study's page and feed.");
        if (r.Study is { } study) t.Key("study", study);
        else t.Off("study", "study-folder-name");
        t.Comment("A short summary, shown on the blog list and used as the page description (markdown, one paragraph). Optional.");
        t.Off("summary", t.Quoted("One or two sentences about the post."));
        t.Standards("this post");
    }
}
