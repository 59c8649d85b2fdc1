using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.ServiceDefaults.Filtering;

/// <summary>The type a filter field's value is read as.</summary>
public enum FilterFieldType
{
    /// <summary>Any text, compared exactly (empty allowed: <c>duplicate_of = ""</c>).</summary>
    String,

    /// <summary>One of a fixed set of names, any case (<c>type = PERSON</c>).</summary>
    Enum,

    /// <summary>An RFC 3339 time with an offset (<c>"2024-05-01T00:00:00Z"</c>).</summary>
    Timestamp,

    /// <summary>A whole number within a range (<c>article_count &gt;= 2</c>).</summary>
    Integer,

    /// <summary>A resource name of one collection (<c>"entities/abc"</c>).</summary>
    ResourceName,
}

/// <summary>
/// One filterable field of a resource: its name, value type and the operators it takes. Build them
/// with the factory methods; <see cref="Repeatable"/> says whether the field may appear in more
/// than one clause (every clause must then hold).
/// </summary>
public sealed record FilterField
{
    private FilterField(string name, FilterFieldType type, IReadOnlyList<FilterOperator> operators)
    {
        Name = name;
        Type = type;
        Operators = operators.Count == 0 ? [FilterOperator.Equal] : operators;
    }

    public string Name { get; }

    public FilterFieldType Type { get; }

    public IReadOnlyList<FilterOperator> Operators { get; }

    public bool Repeatable { get; init; } = true;

    /// <summary>For <see cref="FilterFieldType.Enum"/>: accepted names (upper case) and their values.</summary>
    public IReadOnlyDictionary<string, object>? Choices { get; private init; }

    /// <summary>For <see cref="FilterFieldType.Enum"/>: the names an error message offers.</summary>
    public string? ChoiceList { get; private init; }

    /// <summary>For <see cref="FilterFieldType.ResourceName"/>: the whole-name pattern, and the shape an error shows.</summary>
    public Regex? Pattern { get; private init; }

    public string? Shape { get; private init; }

    public long Minimum { get; private init; } = long.MinValue;

    public long Maximum { get; private init; } = long.MaxValue;

    public static FilterField String(string name, params FilterOperator[] operators) =>
        new(name, FilterFieldType.String, operators);

    public static FilterField Timestamp(string name, params FilterOperator[] operators) =>
        new(name, FilterFieldType.Timestamp, operators);

    public static FilterField Integer(string name, long minimum, long maximum, params FilterOperator[] operators) =>
        new(name, FilterFieldType.Integer, operators) { Minimum = minimum, Maximum = maximum };

    /// <summary>A resource name matching <paramref name="pattern"/> (anchored), shown as <paramref name="shape"/> ("entities/{id}").</summary>
    public static FilterField ResourceName(string name, Regex pattern, string shape, params FilterOperator[] operators) =>
        new(name, FilterFieldType.ResourceName, operators) { Pattern = pattern, Shape = shape };

    /// <summary>A resource name of the collection <paramref name="names"/> describes.</summary>
    public static FilterField ResourceName(string name, ResourcePattern names, params FilterOperator[] operators)
    {
        ArgumentNullException.ThrowIfNull(names);
        return ResourceName(name, names.Pattern, names.Shape, operators);
    }

    /// <summary>
    /// An enum field. <paramref name="choices"/> maps each accepted name (matched in any case) to its
    /// value; <paramref name="shown"/> are the names an error offers.
    /// </summary>
    public static FilterField Enum<T>(string name, IReadOnlyDictionary<string, T> choices, IReadOnlyList<string> shown, params FilterOperator[] operators)
        where T : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(shown);
        return new(name, FilterFieldType.Enum, operators)
        {
            Choices = choices.ToDictionary(c => c.Key.ToUpperInvariant(), c => (object)c.Value, StringComparer.Ordinal),
            ChoiceList = string.Join(", ", shown),
        };
    }
}
