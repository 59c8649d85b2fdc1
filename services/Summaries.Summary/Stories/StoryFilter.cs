using Summaries.ServiceDefaults.Filtering;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Summary.Stories;

/// <summary>
/// ListStories' filter, in the grammar every List method shares (<see cref="FilterParser"/>):
/// <c>entity = "entities/abc"</c> (a member mentions it; every such clause must hold) and
/// <c>article_count &gt;= N</c> (stories of at least N articles, 1-10000; the largest N counts),
/// joined with AND.
/// </summary>
public sealed record StoryFilter(IReadOnlyList<string> Entities, int MinArticles)
{
    private static readonly FilterSchema Schema = new(
        FilterField.ResourceName("entity", ResourceNames.Entities),
        FilterField.Integer("article_count", 1, 10_000, FilterOperator.GreaterOrEqual));

    public static StoryFilter None { get; } = new([], 1);

    public static StoryFilter Parse(string? text, string field = "filter")
    {
        var terms = Schema.Parse(text, field);
        return terms.Count == 0
            ? None
            : new StoryFilter(
                terms.Where(t => t.Field == "entity").Select(t => t.Text).ToList(),
                (int)terms.Where(t => t.Field == "article_count").Select(t => t.Number!.Value).DefaultIfEmpty(1).Max());
    }

    public bool Matches(Story story) =>
        story.Members.Count >= MinArticles
        && Entities.All(name => story.Members.Any(m => m.Entities.Any(e => e.Key == name)));
}
