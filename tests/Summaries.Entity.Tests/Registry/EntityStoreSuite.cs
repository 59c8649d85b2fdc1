using System.Text;
using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>The registry's contract, run against every store (SQLite and PostgreSQL subclasses).</summary>
public abstract partial class EntityStoreSuite : IAsyncLifetime
{
    protected EntityStoreSuite(Func<TestStoreDatabase> database) => Database = database();

    protected TestStoreDatabase Database { get; }

    protected IEntityStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = EntityStoreRegistration.Create(Database.ConnectionString);
        await Store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Database.Dispose();
    }

    [SkippableFact]
    public async Task RegisterAsync_NewArticle_EntitiesNamedWithAliasesRolesAndCounts()
    {
        var names = await RegisterAsync("articles/a1",
            Person("Xi Jinping", 3, ["Xi", "President Xi"], ["President"]),
            Entity("Foreign Ministry", EntityKind.Organization, 1));

        Assert.Equal("entities/person-xi-jinping", names["Xi Jinping"]);
        Assert.Equal("entities/org-foreign-ministry", names["Foreign Ministry"]);
        var xi = await GetAsync("entities/person-xi-jinping");
        Assert.Equal("Xi Jinping", xi.DisplayName);
        Assert.Equal(EntityKind.Person, xi.Kind);
        Assert.Equal(["Xi", "President Xi", "Xi Jinping"], xi.Aliases);
        Assert.Equal(["President"], xi.Roles);
        Assert.Equal(3, xi.MentionCount);
        Assert.Equal(["articles/a1"], xi.ArticleNames);
        Assert.Null(await Store.GetAsync("entities/person-nobody", CancellationToken.None));
    }

    [SkippableFact]
    public async Task RegisterAsync_SameArticleAgain_CountsReplacedNotAdded()
    {
        await RegisterAsync("articles/a1", Person("Angela Merkel", 3), Person("Emmanuel Macron", 1));
        await RegisterAsync("articles/a2", Person("Angela Merkel", 2));

        await RegisterAsync("articles/a1", Person("Angela Merkel", 4));

        var merkel = await GetAsync("entities/person-angela-merkel");
        Assert.Equal(6, merkel.MentionCount);
        Assert.Equal(["articles/a1", "articles/a2"], merkel.ArticleNames);
        // Re-annotation no longer finds Macron in a1: the registry keeps him, without the article.
        var macron = await GetAsync("entities/person-emmanuel-macron");
        Assert.Equal(0, macron.MentionCount);
        Assert.Empty(macron.ArticleNames);
    }

    [SkippableFact]
    public async Task RegisterAsync_DisplayNameIsAnAliasOfThatKind_ResolvesToTheKnownEntity()
    {
        await RegisterAsync("articles/a1", Person("Xi Jinping", 2, ["Xi"]));

        var names = await RegisterAsync("articles/a2", Person("Xi", 5, ["President Xi"]), Entity("Xi", EntityKind.Location, 1, key: "Xi/Location"));

        Assert.Equal("entities/person-xi-jinping", names["Xi"]);
        Assert.Equal("entities/location-xi", names["Xi/Location"]);
        var xi = await GetAsync("entities/person-xi-jinping");
        Assert.Equal("Xi Jinping", xi.DisplayName);
        Assert.Equal(7, xi.MentionCount);
        Assert.Equal(["articles/a1", "articles/a2"], xi.ArticleNames);
        Assert.Equal(["Xi", "Xi Jinping", "President Xi"], xi.Aliases);
        Assert.Null(await Store.GetAsync("entities/person-xi", CancellationToken.None));
    }

    [SkippableFact]
    public async Task RegisterAsync_AliasListedByManyEntities_PlacesFirstByNamePeopleStayApart()
    {
        // Registered in an order that is not name order, so "first" can only mean first by name.
        foreach (var name in new[] { "Blinken Mr", "Antony Blinken", "Blinken Beijing", "Zed Blinken", "Antony Blinken Great" })
        {
            await RegisterAsync($"articles/{name.Replace(' ', '-')}", Person(name, 1, ["Blinken"]));
        }

        await RegisterAsync("articles/park", Entity("Zed Blinken Park", EntityKind.Location, 1, aliases: ["Blinken"]));
        await RegisterAsync("articles/place", Entity("Blinken Street", EntityKind.Location, 1, aliases: ["Blinken"]));

        var names = await RegisterAsync("articles/new", Person("Blinken", 2), Entity("Blinken", EntityKind.Location, 1, key: "Blinken/Location"));

        // Several people are "Blinken": a bare "Blinken" is none of them.
        Assert.Equal("entities/person-blinken", names["Blinken"]);
        Assert.Equal("entities/location-blinken-street", names["Blinken/Location"]);
        Assert.Equal(1, (await GetAsync("entities/person-antony-blinken")).MentionCount);
    }

    [SkippableFact]
    public async Task RegisterAsync_LaterEntityMatchesEarlierNewRow_MentionsAddedInOneRow()
    {
        var names = await RegisterAsync("articles/a1",
            Person("Angela Merkel", 2, ["Merkel"]),
            Person("Merkel", 1) with { Key = "second" });

        Assert.Equal("entities/person-angela-merkel", names["Angela Merkel"]);
        Assert.Equal("entities/person-angela-merkel", names["second"]);
        var merkel = await GetAsync("entities/person-angela-merkel");
        Assert.Equal(3, merkel.MentionCount);
        Assert.Equal(["articles/a1"], merkel.ArticleNames);
    }

    [SkippableFact]
    public async Task RegisterAsync_AliasesAndRolesAcrossArticles_UnionInFirstSeenOrder()
    {
        await RegisterAsync("articles/a1", Person("Jacinda Ardern", 1, ["Ardern", " "], ["Prime Minister"]));
        await RegisterAsync("articles/a2", Person("Jacinda Ardern", 1, ["Ms Ardern", "Ardern"], ["Leader", "Prime Minister"]));

        var ardern = await GetAsync("entities/person-jacinda-ardern");

        Assert.Equal(["Ardern", "Jacinda Ardern", "Ms Ardern"], ardern.Aliases);
        Assert.Equal(["Prime Minister", "Leader"], ardern.Roles);
    }

    [SkippableFact]
    public async Task GetAnnotationAsync_AfterRegistrations_LatestPayloadOrNull()
    {
        await RegisterAsync("articles/a1", Person("Angela Merkel", 1));
        await RegisterAsync("articles/a1", Person("Olaf Scholz", 1));

        var payload = await Store.GetAnnotationAsync("articles/a1", CancellationToken.None);

        Assert.Equal("Olaf Scholz=entities/person-olaf-scholz", Encoding.UTF8.GetString(payload!));
        Assert.Null(await Store.GetAnnotationAsync("articles/none", CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListAsync_Pages_MostMentionedFirstThenByteWiseNameEachOnce()
    {
        // "ab-c" sorts before "abc" byte-wise; a linguistic collation ignoring hyphens would not agree.
        await RegisterAsync("articles/a1", Person("Abc", 2), Person("Ab C", 2), Person("Zed", 5), Person("Mid", 1), Entity("Paris", EntityKind.Location, 2));
        await RegisterAsync("articles/a2", Person("Mid", 2));

        var seen = new List<RegisteredEntity>();
        long? offset = 0;
        while (offset is { } at)
        {
            var (items, next) = await Store.ListAsync(new EntityFilter(null, null), 2, at, CancellationToken.None);
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items);
            offset = next;
        }

        Assert.Equal(
            ["entities/person-zed", "entities/person-mid", "entities/location-paris", "entities/person-ab-c", "entities/person-abc"],
            seen.Select(e => e.Name));
        Assert.Equal([5, 3, 2, 2, 2], seen.Select(e => e.MentionCount));
    }

    [SkippableFact]
    public async Task ListAsync_KindAndArticleFilters_OnlyMatchingEntitiesWithAllTheirMentions()
    {
        await RegisterAsync("articles/a1", Person("Antony Blinken", 2), Entity("Beijing", EntityKind.Location, 1));
        await RegisterAsync("articles/a2", Person("Antony Blinken", 3), Person("Wang Yi", 1));

        var (people, _) = await Store.ListAsync(new EntityFilter(EntityKind.Person, "articles/a1"), 10, 0, CancellationToken.None);
        var (inA2, _) = await Store.ListAsync(new EntityFilter(null, "articles/a2"), 10, 0, CancellationToken.None);
        var (places, _) = await Store.ListAsync(new EntityFilter(EntityKind.Location, null), 10, 0, CancellationToken.None);

        var blinken = Assert.Single(people);
        Assert.Equal(5, blinken.MentionCount);
        Assert.Equal(["entities/person-antony-blinken", "entities/person-wang-yi"], inA2.Select(e => e.Name));
        Assert.Equal(["entities/location-beijing"], places.Select(e => e.Name));
    }

    [SkippableFact]
    public async Task MigrateAsync_SecondStart_NothingAppliedDataKept()
    {
        await RegisterAsync("articles/a1", Person("Angela Merkel", 2));

        await using var restarted = EntityStoreRegistration.Create(Database.ConnectionString);
        var version = await restarted.MigrateAsync(CancellationToken.None);

        Assert.Equal(0, version.Applied);
        Assert.Equal(2, (await restarted.GetAsync("entities/person-angela-merkel", CancellationToken.None))!.MentionCount);
    }

    [SkippableFact]
    public async Task MigrateAsync_ReplicasStartingTogether_AllReady()
    {
        using var fresh = FreshDatabase();
        var stores = Enumerable.Range(0, 4).Select(_ => EntityStoreRegistration.Create(fresh.ConnectionString)).ToList();
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
    public async Task RegisterAsync_SameArticleConcurrently_CountedOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            RegisterAsync("articles/same", Person("Xi Jinping", 3, ["Xi"]), Person("Antony Blinken", 2))));

        var xi = await GetAsync("entities/person-xi-jinping");
        Assert.Equal(3, xi.MentionCount);
        Assert.Equal(["articles/same"], xi.ArticleNames);
        Assert.Equal(2, (await GetAsync("entities/person-antony-blinken")).MentionCount);
    }

    [SkippableFact]
    public async Task RegisterAsync_ManyArticlesOneEntityConcurrently_OneRowNothingLost()
    {
        await RegisterAsync("articles/first", Person("Xi Jinping", 1, ["Xi"]));
        const int Articles = 16;

        // Half reach the row by its name, half through the alias "Xi"; each adds an alias of its own.
        await Task.WhenAll(Enumerable.Range(0, Articles).Select(i =>
            RegisterAsync($"articles/p{i:D2}", Person(i % 2 == 0 ? "Xi Jinping" : "Xi", 2, [$"Alias {i}"], [$"Role {i}"]))));

        var xi = await GetAsync("entities/person-xi-jinping");
        Assert.Equal(1 + (2 * Articles), xi.MentionCount);
        Assert.Equal(Articles + 1, xi.ArticleNames.Count);
        Assert.All(Enumerable.Range(0, Articles), i => Assert.Contains($"Alias {i}", xi.Aliases));
        Assert.All(Enumerable.Range(0, Articles), i => Assert.Contains($"Role {i}", xi.Roles));
        Assert.Null(await Store.GetAsync("entities/person-xi", CancellationToken.None));
        var (all, _) = await Store.ListAsync(new EntityFilter(null, null), 100, 0, CancellationToken.None);
        Assert.Single(all);
    }

    /// <summary>A second, empty database of the same kind.</summary>
    protected abstract TestStoreDatabase FreshDatabase();

    protected async Task<IReadOnlyDictionary<string, string>> RegisterAsync(string article, params EntityInfo[] entities) =>
        await Store.RegisterAsync(article, entities, names => Encoding.UTF8.GetBytes(
            string.Join(";", names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"))), CancellationToken.None);

    protected async Task<RegisteredEntity> GetAsync(string name) =>
        await Store.GetAsync(name, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"{name} is not registered");

    protected static EntityInfo Person(string display, int mentions, string[]? aliases = null, string[]? roles = null) =>
        new(display, display, EntityKind.Person, aliases ?? [], (roles ?? []).Select(r => new RoleInfo(r, 0, r.Length)).ToList(), mentions, 0.5);

    protected static EntityInfo Entity(string display, EntityKind kind, int mentions, string? key = null, string[]? aliases = null) =>
        new(key ?? display, display, kind, aliases ?? [], [], mentions, 0.5);
}
