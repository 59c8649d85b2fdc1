using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>The WHERE clause of a listing, shared by both stores; values always travel as parameters.</summary>
internal static class ArticleFilterSql
{
    /// <summary>
    /// "" or " WHERE …". <paramref name="parameter"/> adds a parameter with the value (a string, a long
    /// or a UTC <see cref="DateTimeOffset"/>) and returns its placeholder; <paramref name="table"/>
    /// qualifies the columns ("a." when the query joins another table).
    /// </summary>
    public static string Where(ArticleFilter filter, long? before, Func<object, string> parameter, string table = "")
    {
        var clauses = new List<string>();
        if (before is not null)
        {
            clauses.Add(table + "seq < " + parameter(before.Value));
        }

        foreach (var condition in filter.Conditions)
        {
            var column = condition.Field switch
            {
                ArticleFilterField.Source => "source",
                ArticleFilterField.Language => "language",
                ArticleFilterField.DuplicateGroup => "story",
                ArticleFilterField.DuplicateOf => "duplicate_of",
                ArticleFilterField.PublishTime => "publish_time",
                _ => throw new ArgumentOutOfRangeException(nameof(filter), condition.Field, "unknown filter field"),
            };
            var op = condition.Operator switch
            {
                ArticleFilterOperator.Equal => "=",
                ArticleFilterOperator.Less => "<",
                ArticleFilterOperator.LessOrEqual => "<=",
                ArticleFilterOperator.Greater => ">",
                ArticleFilterOperator.GreaterOrEqual => ">=",
                _ => throw new ArgumentOutOfRangeException(nameof(filter), condition.Operator, "unknown operator"),
            };
            object value = condition.Field switch
            {
                ArticleFilterField.PublishTime => condition.Time!.Value,
                ArticleFilterField.DuplicateGroup => DuplicateGroupColumn.Key(condition.Value),
                _ => condition.Value,
            };
            clauses.Add($"{table}{column} {op} {parameter(value)}");
        }

        return clauses.Count > 0 ? " WHERE " + string.Join(" AND ", clauses) : string.Empty;
    }
}
