using System.Text.Json;
using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>
/// Real multi-outlet events (WikiNews dev clusters), annotated by the real annotator and registered
/// article by article in both orders: each person one outlet names shortly and another in full is one
/// entity; two people sharing a surname stay two.
/// </summary>
public sealed class WikinewsCoreferenceTests
{
    private static readonly string Articles = SharedData("wikinews/dev_articles.jsonl");

    // 065: "Ole Danbolt Mjoes" / "Ole Mjoes" (chairman), "Wangari Maathai" / "Maathai"; 017: "John Reid" / "Reid";
    // 031: "Ernest C. Torres" / "Ernest Torres"; 038: "Darleen Druyun" and her daughter "Heather Druyun".
    private static readonly string[] Clusters = ["wikinewssum-en-017", "wikinewssum-en-031", "wikinewssum-en-038", "wikinewssum-en-065"];

    [SkippableTheory]
    [InlineData("SQLite", false)]
    [InlineData("SQLite", true)]
    [InlineData("PostgreSQL", false)]
    [InlineData("PostgreSQL", true)]
    public async Task RegisterAsync_MultiOutletEvents_OnePersonOneEntitySharedSurnamesApart(string provider, bool reversed)
    {
        Skip.IfNot(File.Exists(Articles), $"WikiNews dev articles not found at {Articles}; skipped.");
        using TestStoreDatabase database = provider == "SQLite" ? new SqliteTestFile("entity.db") : new PostgresTestSchema();
        await using var store = EntityStoreRegistration.Create(database.ConnectionString);
        await store.MigrateAsync(CancellationToken.None);
        var annotator = new RuleBasedAnnotator();
        var articles = Load();
        if (reversed)
        {
            articles.Reverse();
        }

        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (id, title, text) in articles)
        {
            var entities = annotator.Annotate(text, title).Entities;
            var registered = await store.RegisterAsync($"articles/{id}", entities, _ => [], CancellationToken.None);
            foreach (var e in entities.Where(e => e.Kind == EntityKind.Person))
            {
                (names.TryGetValue(e.DisplayName, out var set) ? set : names[e.DisplayName] = []).Add(registered[e.Key]);
            }
        }

        // Resolved at the end: a name registered before its fuller form answers with the canonical entity.
        async Task<string> Canonical(string displayName) =>
            (await store.GetAsync(Assert.Single(names[displayName]), CancellationToken.None))!.Name;

        Assert.Equal(await Canonical("Ole Danbolt Mjoes"), await Canonical("Ole Mjoes"));
        Assert.Equal(await Canonical("Wangari Maathai"), await Canonical("Maathai"));
        Assert.Equal(await Canonical("John Reid"), await Canonical("Reid"));
        Assert.Equal(await Canonical("Ernest C. Torres"), await Canonical("Ernest Torres"));
        Assert.NotEqual(await Canonical("Darleen Druyun"), await Canonical("Heather Druyun"));
    }

    private static List<(string Id, string Title, string Text)> Load() =>
        File.ReadLines(Articles)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => Clusters.Contains(r.GetProperty("cluster_id").GetString()))
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("title").GetString()!, r.GetProperty("text").GetString()!))
            .ToList();

    /// <summary>The shared development data: beside the repository (as CI lays it out), else /work/shared.</summary>
    private static string SharedData(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Summaries.sln")))
        {
            dir = dir.Parent;
        }

        var beside = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "data", relative) : null;
        return beside is not null && Path.Exists(beside) ? beside : Path.Combine("/work/shared/data", relative);
    }
}
