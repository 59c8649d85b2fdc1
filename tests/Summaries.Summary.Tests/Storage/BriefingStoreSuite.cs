using Summaries.Summary.Balance;
using Summaries.Summary.Briefings;
using Summaries.Summary.Grpc;
using Summaries.Summary.Storage;
using Summaries.Summary.Writing;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Tests.Storage;

/// <summary>The briefing store's contract, run against every store (SQLite and PostgreSQL subclasses).</summary>
public abstract class BriefingStoreSuite : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected BriefingStoreSuite(Func<TestStoreDatabase> database) => Database = database();

    /// <summary>The wire codec the service hands its store (payloads of earlier releases, and for them).</summary>
    protected static ProtoBriefingPayloads Legacy { get; } = new();

    protected TestStoreDatabase Database { get; }

    protected IBriefingStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = BriefingStoreRegistration.Create(Database.ConnectionString, Legacy);
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
        var briefing = Full("b1", ["articles/a1", "articles/a2"]);

        await Store.SaveAsync("b1", briefing, null, CancellationToken.None);

        AssertSame(briefing, await Store.GetAsync("b1", CancellationToken.None));
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

        await using var restarted = BriefingStoreRegistration.Create(Database.ConnectionString, Legacy);
        var version = await restarted.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, version.Applied);
        Assert.Equal("briefings/b1", (await restarted.FindCachedAsync("key", CancellationToken.None))!.Name);
    }

    [SkippableFact]
    public async Task MigrateAsync_ReplicasStartingTogether_AllReady()
    {
        using var fresh = FreshDatabase();
        var stores = Enumerable.Range(0, 4).Select(_ => BriefingStoreRegistration.Create(fresh.ConnectionString, Legacy)).ToList();
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

    [SkippableFact]
    public async Task MigrateAsync_RowsOfTheReleaseBefore_RewrittenAndServedAsBefore()
    {
        // More rows than one rewrite batch holds, every one as the release before stored it: the wire message.
        using var old = FreshDatabase();
        await CreateReleaseBeforeAsync(old);
        var wire = Enumerable.Range(0, 230).Select(i => BriefingMapper.ToProto(Full($"old{i}", ["articles/a1", $"articles/x{i}"]))).ToList();
        for (var i = 0; i < wire.Count; i++)
        {
            await InsertAsReleaseBeforeAsync(old, $"old{i}", wire[i], i == 7 ? "old-key" : null);
        }

        await using var store = BriefingStoreRegistration.Create(old.ConnectionString, Legacy);
        var version = await store.MigrateAsync(CancellationToken.None);

        Assert.Equal(1, version.Applied);
        Assert.Equal(0, await WithoutDocumentAsync(old));
        Assert.Equal(wire[3], BriefingMapper.ToProto((await store.GetAsync("old3", CancellationToken.None))!));
        Assert.Equal(wire[7], BriefingMapper.ToProto((await store.FindCachedAsync("old-key", CancellationToken.None))!));
        var listed = await store.ListAsync(500, null, "articles/a1", CancellationToken.None);
        Assert.Equal(Enumerable.Reverse(wire), listed.Briefings.Select(BriefingMapper.ToProto));
    }

    [SkippableFact]
    public async Task SaveAsync_DuringTheRollingUpgrade_PayloadAnOlderReplicaReads()
    {
        var briefing = Full("b1", ["articles/a1"]);

        await Store.SaveAsync("b1", briefing, null, CancellationToken.None);

        // The release before parsed payload as the wire message, and nothing else.
        Assert.Equal(BriefingMapper.ToProto(briefing), Wire.Briefing.Parser.ParseFrom(Assert.Single(await PayloadsAsync(Database))));
    }

    [SkippableFact]
    public async Task GetAsync_RowAnOlderReplicaWroteAfterTheUpgrade_ServedThenRewrittenOnNextStart()
    {
        // During a rolling upgrade a replica of the release before still inserts wire messages, naming no format.
        var wire = BriefingMapper.ToProto(Full("late", ["articles/a1"]));
        await InsertAsReleaseBeforeAsync(Database, "late", wire, "late-key");

        Assert.Equal(wire, BriefingMapper.ToProto((await Store.GetAsync("late", CancellationToken.None))!));
        Assert.Equal(1, await WithoutDocumentAsync(Database));

        await using var restarted = BriefingStoreRegistration.Create(Database.ConnectionString, Legacy);
        await restarted.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, await WithoutDocumentAsync(Database));
        Assert.Equal(wire, BriefingMapper.ToProto((await restarted.FindCachedAsync("late-key", CancellationToken.None))!));
    }

    /// <summary>The tables as the release before left them: its migrations only (shipped steps never change).</summary>
    protected abstract Task CreateReleaseBeforeAsync(TestStoreDatabase database);

    /// <summary>Saves a briefing as the release before did: the wire message's bytes, no format named.</summary>
    protected abstract Task InsertAsReleaseBeforeAsync(TestStoreDatabase database, string id, Wire.Briefing briefing, string? cacheKey);

    /// <summary>How many rows have no document yet (written by an earlier release).</summary>
    protected abstract Task<long> WithoutDocumentAsync(TestStoreDatabase database);

    /// <summary>Every row's payload, in insertion order: what an older replica reads.</summary>
    protected abstract Task<List<byte[]>> PayloadsAsync(TestStoreDatabase database);

    /// <summary>A second, empty database of the same kind.</summary>
    protected abstract TestStoreDatabase FreshDatabase();

    protected static Briefing Briefing(string id, string[] articles) => new(
        "briefings/" + id,
        "Headline of " + id,
        [],
        [],
        new BriefingEngine(WriterKind.Builtin, string.Empty, string.Empty, 0, 0, TimeSpan.Zero),
        [],
        articles,
        Start.AddMinutes(id.Length),
        new BriefingOptions(),
        new BalanceReport([], []));

    /// <summary>A briefing with every part set, shares with many digits and a sub-millisecond latency included.</summary>
    protected static Briefing Full(string id, string[] articles)
    {
        var citation = new BriefingCitation(articles[0], 2, 40, 95);
        var position = new BriefingSection(DraftSectionKind.Position, "Position of Ana Ruiz", "entities/person-ana-ruiz", "Ana Ruiz",
            [new BriefingSentence("Ana Ruiz said the deal was fair.", [citation, citation with { SentenceIndex = 3 }], "entities/person-ana-ruiz", "Ana Ruiz")]);
        var happened = new BriefingSection(DraftSectionKind.WhatHappened, "What happened", string.Empty, string.Empty,
            [new BriefingSentence("Ministers met in Geneva.", [citation], string.Empty, string.Empty)]);
        var balance = new BalanceReport(
            [new PartyBalance("entities/person-ana-ruiz", "Ana Ruiz", 3, 1 / 3.0, 41, 0.6667, 1, 0.5, 9, 0.123456789, LeftOutOfText: false)],
            [new LoadedTermLeftOut("slammed", articles[^1], 10, 17)]);
        return Briefing(id, articles) with
        {
            HeadlineCitations = [citation],
            Sections = [happened, position],
            Engine = new BriefingEngine(WriterKind.Llm, "llama3", "prompt-v4", 812, 96, TimeSpan.FromTicks(12_345_678)),
            Warnings = ["one source only", "the LLM revised its briefing"],
            Options = new BriefingOptions(BriefingLength.Long, EnginePreference.Auto, Refresh: true),
            Balance = balance,
        };
    }

    /// <summary>Equal as clients see them: the same wire message.</summary>
    protected static void AssertSame(Briefing expected, Briefing? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(BriefingMapper.ToProto(expected), BriefingMapper.ToProto(actual));
    }
}
