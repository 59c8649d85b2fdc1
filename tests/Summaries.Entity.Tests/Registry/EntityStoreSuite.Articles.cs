using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>An entity's article names: capped to the newest, with the full count beside them.</summary>
public abstract partial class EntityStoreSuite
{
    [SkippableFact]
    public async Task GetAsync_EntityInMoreArticlesThanTheCap_NewestNamesAndTheFullCount()
    {
        const int articles = RegisteredEntity.MaxArticleNames + 2;
        for (var i = 0; i < articles; i++)
        {
            // Article names grow with their create time, as ingestion issues them.
            await RegisterAsync($"articles/m{i:D5}", Person("Grace Hopper", 1));
        }

        var hopper = await GetAsync("entities/person-grace-hopper");
        var (listed, _) = await Store.ListAsync(new EntityFilter(EntityKind.Person, null), 10, 0, CancellationToken.None);

        var newest = Enumerable.Range(2, RegisteredEntity.MaxArticleNames).Select(i => $"articles/m{i:D5}");
        Assert.Equal(newest, hopper.ArticleNames);
        Assert.Equal(articles, hopper.ArticleCount);
        Assert.Equal(articles, hopper.MentionCount);
        Assert.Equal(newest, Assert.Single(listed).ArticleNames);
    }
}
