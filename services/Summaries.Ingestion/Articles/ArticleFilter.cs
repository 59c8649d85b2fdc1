namespace Summaries.Ingestion.Articles;

/// <summary>A field ListArticles can filter on.</summary>
public enum ArticleFilterField
{
    Source,
    Language,
}

/// <summary>One <c>field = "value"</c> clause; values compare exactly.</summary>
public sealed record ArticleFilterCondition(ArticleFilterField Field, string Value);

/// <summary>Clauses joined with AND; no clauses matches every article.</summary>
public sealed record ArticleFilter(IReadOnlyList<ArticleFilterCondition> Conditions)
{
    public static ArticleFilter None { get; } = new([]);
}
