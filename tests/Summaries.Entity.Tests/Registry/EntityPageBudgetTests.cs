using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Registry;

/// <summary>A ListEntities page is cut at its byte budget, never below one entity.</summary>
public sealed class EntityPageBudgetTests
{
    [Fact]
    public void WithinBudget_EntitiesWithAThousandArticlesEach_PageEndsNearTheBudget()
    {
        var items = Enumerable.Range(0, 400).Select(i => Entity(i, articles: RegisteredEntity.MaxArticleNames)).ToList();

        var kept = EntityAnnotationService.WithinBudget(items);

        Assert.InRange(kept, 1, items.Count - 1);
        var bytes = items.Take(kept).Sum(e => e.ApproximateBytes());
        Assert.True(bytes <= EntityAnnotationService.MaxPageBytes, $"{bytes} bytes kept");
        Assert.True(bytes + items[kept].ApproximateBytes() > EntityAnnotationService.MaxPageBytes, "the page stopped before it had to");
    }

    [Fact]
    public void WithinBudget_SmallEntities_WholePage()
    {
        var items = Enumerable.Range(0, 1000).Select(i => Entity(i, articles: 3)).ToList();

        Assert.Equal(items.Count, EntityAnnotationService.WithinBudget(items));
    }

    [Fact]
    public void WithinBudget_OneEntityOverTheBudget_StillServedAlone()
    {
        var giant = Entity(0, articles: 1) with { Aliases = [new string('x', (int)EntityAnnotationService.MaxPageBytes + 10)] };

        Assert.Equal(1, EntityAnnotationService.WithinBudget([giant, Entity(1, articles: 1)]));
    }

    private static RegisteredEntity Entity(int i, int articles) => new(
        $"entities/person-test-{i}", $"Test Person {i}", EntityKind.Person, [$"Person {i}"], [],
        articles, [.. Enumerable.Range(0, articles).Select(a => $"articles/{a:D12}")], articles);
}
