using Google.Protobuf.WellKnownTypes;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Storage;

namespace Summaries.Summary.Tests.Storage;

/// <summary>The briefing store's contract, run against every store (SQLite and PostgreSQL subclasses).</summary>
public abstract class BriefingStoreSuite : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected BriefingStoreSuite(Func<TestStoreDatabase> database) => Database = database();

    protected TestStoreDatabase Database { get; }

    protected IBriefingStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = BriefingStoreRegistration.Create(Database.ConnectionString);
        await Store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Database.Dispose();
    }

    [SkippableFact]
    public async Task SaveAsync_ThenGet_SameBriefing()
    {
        var briefing = Briefing("b1", ["articles/a1", "articles/a2"]);
        briefing.Warnings.Add("one source only");

        await Store.SaveAsync("b1", briefing, null, CancellationToken.None);

        Assert.Equal(briefing, await Store.GetAsync("b1", CancellationToken.None));
        Assert.Null(await Store.GetAsync("missing", CancellationToken.None));
    }

    [SkippableFact]
    public async Task FindCachedAsync_OnlyBriefingsSavedWithAKey_LatestUnderAKeyWins()
    {
        await Store.SaveAsync("b1", Briefing("b1", ["articles/a1"]), "key-1", CancellationToken.None);
        await Store.SaveAsync("b2", Briefing("b2", ["articles/a1"]), null, CancellationToken.None);
        await Store.SaveAsync("b3", Briefing("b3", ["articles/a1"]), "key-3", CancellationToken.None);
        await Store.SaveAsync("b4", Briefing("b4", ["articles/a1"]), "key-3", CancellationToken.None);

        Assert.Equal("briefings/b1", (await Store.FindCachedAsync("key-1", CancellationToken.None))!.Name);
        Assert.Equal("briefings/b4", (await Store.FindCachedAsync("key-3", CancellationToken.None))!.Name);
        Assert.Null(await Store.FindCachedAsync("key-2", CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListAsync_Pages_NewestFirstEachOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            await Store.SaveAsync($"b{i}", Briefing($"b{i}", ["articles/a1"]), null, CancellationToken.None);
        }

        var names = new List<string>();
        long? before = null;
        do
        {
            var page = await Store.ListAsync(3, before, null, CancellationToken.None);
            Assert.InRange(page.Briefings.Count, 1, 3);
            names.AddRange(page.Briefings.Select(b => b.Name));
            before = page.NextAfter;
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"briefings/b{i}"), names);
    }

    [SkippableFact]
    public async Task ListAsync_ArticleFilter_OnlyBriefingsCitingIt()
    {
        await Store.SaveAsync("b1", Briefing("b1", ["articles/a1", "articles/a2"]), null, CancellationToken.None);
        await Store.SaveAsync("b2", Briefing("b2", ["articles/a2"]), null, CancellationToken.None);
        await Store.SaveAsync("b3", Briefing("b3", ["articles/a3", "articles/a3"]), null, CancellationToken.None);

        var a2 = await Store.ListAsync(10, null, "articles/a2", CancellationToken.None);
        var a3 = await Store.ListAsync(10, null, "articles/a3", CancellationToken.None);
        var none = await Store.ListAsync(10, null, "articles/none", CancellationToken.None);

        Assert.Equal(["briefings/b2", "briefings/b1"], a2.Briefings.Select(b => b.Name));
        Assert.Null(a2.NextAfter);
        Assert.Equal(["briefings/b3"], a3.Briefings.Select(b => b.Name));
        Assert.Empty(none.Briefings);
    }

    [SkippableFact]
    public async Task SaveAsync_ConcurrentSameCacheKey_AllStoredOneCached()
    {
        const int Writers = 12;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            Store.SaveAsync($"c{i}", Briefing($"c{i}", ["articles/a1"]), "same-request", CancellationToken.None)));

        var cached = await Store.FindCachedAsync("same-request", CancellationToken.None);
        Assert.NotNull(cached);
        Assert.Contains(cached.Name, Enumerable.Range(0, Writers).Select(i => $"briefings/c{i}"));
        var listed = await Store.ListAsync(100, null, "articles/a1", CancellationToken.None);
        Assert.Equal(Writers, listed.Briefings.Select(b => b.Name).Distinct().Count());
    }

    [SkippableFact]
    public async Task MigrateAsync_SecondStart_NothingAppliedDataKept()
    {
        await Store.SaveAsync("b1", Briefing("b1", ["articles/a1"]), "key", CancellationToken.None);

        await using var restarted = BriefingStoreRegistration.Create(Database.ConnectionString);
        var version = await restarted.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, version.Applied);
        Assert.Equal("briefings/b1", (await restarted.FindCachedAsync("key", CancellationToken.None))!.Name);
    }

    [SkippableFact]
    public async Task MigrateAsync_ReplicasStartingTogether_AllReady()
    {
        using var fresh = FreshDatabase();
        var stores = Enumerable.Range(0, 4).Select(_ => BriefingStoreRegistration.Create(fresh.ConnectionString)).ToList();
        try
        {
            var versions = await Task.WhenAll(stores.Select(s => s.MigrateAsync(CancellationToken.None)));

            Assert.All(versions, v => Assert.Equal(versions[0].Version, v.Version));
            Assert.Equal(versions[0].Version, versions.Sum(v => v.Applied));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    /// <summary>A second, empty database of the same kind.</summary>
    protected abstract TestStoreDatabase FreshDatabase();

    protected static Briefing Briefing(string id, string[] articles)
    {
        var briefing = new Briefing
        {
            Name = "briefings/" + id,
            Headline = "Headline of " + id,
            CreateTime = Timestamp.FromDateTimeOffset(Start.AddMinutes(id.Length)),
            Engine = new Engine { Kind = EngineKind.Builtin },
        };
        briefing.ArticleNames.AddRange(articles);
        return briefing;
    }
}
