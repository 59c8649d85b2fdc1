namespace Summaries.ServiceDefaults.Filtering;

/// <summary>A comparison operator of the AIP-160 subset every List filter shares.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A value as written: unescaped text, whether it was quoted, and where it starts.</summary>
public sealed record FilterLiteral(string Text, bool Quoted, int Position);

/// <summary>One <c>field op value</c> clause, with the positions errors name.</summary>
public sealed record FilterComparison(string Field, int Position, FilterOperator Operator, int OperatorPosition, FilterLiteral Value);

/// <summary>The parsed filter: comparisons joined with AND (none for an empty filter).</summary>
public sealed record FilterExpression(IReadOnlyList<FilterComparison> Comparisons)
{
    public static FilterExpression Empty { get; } = new([]);
}

internal static class FilterOperators
{
    public static string Symbol(FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.Less => "<",
        FilterOperator.LessOrEqual => "<=",
        FilterOperator.Greater => ">",
        _ => ">=",
    };

    public static FilterOperator Parse(string symbol) => symbol switch
    {
        "=" => FilterOperator.Equal,
        "!=" => FilterOperator.NotEqual,
        "<" => FilterOperator.Less,
        "<=" => FilterOperator.LessOrEqual,
        ">" => FilterOperator.Greater,
        _ => FilterOperator.GreaterOrEqual,
    };
}
