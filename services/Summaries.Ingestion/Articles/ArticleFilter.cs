namespace Summaries.Ingestion.Articles;

/// <summary>A field ListArticles can filter on.</summary>
public enum ArticleFilterField
{
    Source,
    Language,
    DuplicateGroup,
    DuplicateOf,
    PublishTime,
}

/// <summary>How a clause compares; only <see cref="ArticleFilterField.PublishTime"/> takes more than equality.</summary>
public enum ArticleFilterOperator
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// One clause. Text fields compare <see cref="Value"/> exactly (for
/// <see cref="ArticleFilterField.DuplicateGroup"/>, the group id); <see cref="ArticleFilterField.PublishTime"/>
/// compares <see cref="Time"/> (articles without a publish time never match).
/// </summary>
public sealed record ArticleFilterCondition(
    ArticleFilterField Field, string Value, ArticleFilterOperator Operator = ArticleFilterOperator.Equal, DateTimeOffset? Time = null);

/// <summary>Clauses joined with AND; no clauses matches every article.</summary>
public sealed record ArticleFilter(IReadOnlyList<ArticleFilterCondition> Conditions)
{
    public static ArticleFilter None { get; } = new([]);
}
