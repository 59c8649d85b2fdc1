using Summaries.ServiceDefaults.Filtering;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Ingestion.Articles;

/// <summary>
/// The ListArticles filter, in the grammar every List method shares (<see cref="FilterParser"/>):
/// <c>source</c>, <c>language</c> and <c>duplicate_of</c> compare text with <c>=</c>
/// (<c>duplicate_of = ""</c>: originals only); <c>duplicate_group</c> takes a
/// <c>duplicateGroups/{group}</c> name, and the deprecated <c>story</c> the same group's old
/// <c>stories/{article}</c> name; <c>publish_time</c> compares an RFC 3339 time with
/// an offset by <c>= &lt; &lt;= &gt; &gt;=</c>. Every field may repeat; all clauses must hold.
/// The entity a story mentions is not filterable here: annotations live in the entity service
/// (<c>ListEntities</c> with <c>article = "…"</c> answers the other direction).
/// </summary>
public static class ArticleFilterParser
{
    private static readonly FilterSchema Schema = new(
        FilterField.String("source"),
        FilterField.String("language"),
        FilterField.ResourceName("duplicate_group", ResourceNames.DuplicateGroups),
        FilterField.ResourceName("story", LegacyStoryNames.Groups),
        FilterField.String("duplicate_of"),
        FilterField.Timestamp(
            "publish_time",
            FilterOperator.Equal, FilterOperator.Less, FilterOperator.LessOrEqual, FilterOperator.Greater, FilterOperator.GreaterOrEqual));

    public static ArticleFilter Parse(string? filter)
    {
        var terms = Schema.Parse(filter);
        return terms.Count == 0 ? ArticleFilter.None : new ArticleFilter(terms.Select(Condition).ToList());
    }

    private static ArticleFilterCondition Condition(FilterTerm term) => term.Field switch
    {
        "source" => new(ArticleFilterField.Source, term.Text),
        "language" => new(ArticleFilterField.Language, term.Text),
        "duplicate_group" => new(ArticleFilterField.DuplicateGroup, ResourceNames.DuplicateGroups.Parse(term.Text)),
        "story" => new(ArticleFilterField.DuplicateGroup, LegacyStoryNames.Groups.Parse(term.Text)),
        "duplicate_of" => new(ArticleFilterField.DuplicateOf, term.Text),
        _ => new(ArticleFilterField.PublishTime, term.Text, Operator(term.Operator), term.Time),
    };

    private static ArticleFilterOperator Operator(FilterOperator op) => op switch
    {
        FilterOperator.Less => ArticleFilterOperator.Less,
        FilterOperator.LessOrEqual => ArticleFilterOperator.LessOrEqual,
        FilterOperator.Greater => ArticleFilterOperator.Greater,
        FilterOperator.GreaterOrEqual => ArticleFilterOperator.GreaterOrEqual,
        _ => ArticleFilterOperator.Equal,
    };
}
