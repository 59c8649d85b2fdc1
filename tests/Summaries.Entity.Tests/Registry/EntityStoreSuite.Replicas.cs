using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>Registrations from two store instances on one database, as two replicas of the service make them.</summary>
public abstract partial class EntityStoreSuite
{
    [SkippableFact]
    public async Task RegisterAsync_SameEntityFromTwoStoresAtOnce_OneEntityNothingLost()
    {
        await using var other = EntityStoreRegistration.Create(Database.ConnectionString);
        await RegisterAsync("articles/first", Person("Xi Jinping", 1, ["Xi"]));
        const int Articles = 12;

        // Each store registers half the articles; by its name or through its alias "Xi", each meets the one row.
        await Task.WhenAll(Enumerable.Range(0, Articles).Select(i => RegisterOnAsync(
            i % 2 == 0 ? Store : other, $"articles/r{i:D2}", Person(i % 3 == 0 ? "Xi Jinping" : "Xi", 1, [$"Alias {i}"]))));

        var xi = await GetAsync("entities/person-xi-jinping");
        Assert.Equal(1 + Articles, xi.MentionCount);
        Assert.All(Enumerable.Range(0, Articles), i => Assert.Contains($"Alias {i}", xi.Aliases));
        var (all, _) = await Store.ListAsync(new EntityFilter(null, null), 100, 0, CancellationToken.None);
        Assert.Single(all);
    }

    [SkippableFact]
    public async Task RegisterAsync_CrowdedArticleBesideSmallOnesFromTwoStores_SharedPeopleRegisteredOnce()
    {
        await using var other = EntityStoreRegistration.Create(Database.ConnectionString);

        // More names than one registration locks one by one (so it takes the registry-wide lock
        // instead), each also named by a small article registered at the same time on the other store.
        var crowd = Enumerable.Range(0, 400).Select(i => Person($"Given{Letters(i)} Family{Letters(i)}", 1)).ToArray();
        var small = Enumerable.Range(0, 8).Select(i => RegisterOnAsync(other, $"articles/small{i}", crowd[i * 50], Person("Xi Jinping", 1)));

        await Task.WhenAll([RegisterOnAsync(Store, "articles/crowd", [.. crowd, Person("Xi Jinping", 1)]), .. small]);

        Assert.Equal(9, (await GetAsync("entities/person-xi-jinping")).MentionCount);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(2, (await GetAsync(EntityNames.For(EntityKind.Person, crowd[i * 50].DisplayName))).MentionCount);
        }

        var (people, _) = await Store.ListAsync(new EntityFilter(EntityKind.Person, null), 1000, 0, CancellationToken.None);
        Assert.Equal(401, people.Count);
    }

    /// <summary>Letters only (a, b, …, z, ba, …), so generated names stay plain capitalised words.</summary>
    protected static string Letters(int value)
    {
        var text = string.Empty;
        do
        {
            text = (char)('a' + (value % 26)) + text;
            value /= 26;
        }
        while (value > 0);

        return text;
    }

    private static Task<IReadOnlyDictionary<string, string>> RegisterOnAsync(IEntityStore store, string article, params EntityInfo[] entities) =>
        store.RegisterAsync(article, entities, _ => [], CancellationToken.None);
}
