using System.Globalization;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Filtering;

/// <summary>
/// The filterable fields of one resource. <see cref="Parse"/> reads a filter with the shared
/// grammar (<see cref="FilterParser"/>) and checks each clause against its field: known field (any
/// case), an operator the field takes, a value of its type, and no second clause on a field that is
/// not repeatable. Every problem is a field violation on <c>filter</c> (or the given field).
/// </summary>
public sealed class FilterSchema
{
    private readonly Dictionary<string, FilterField> _fields;
    private readonly string _fieldList;

    public FilterSchema(params FilterField[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var names = fields.Select(f => f.Name).ToList();
        _fieldList = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    /// <summary>The typed clauses of <paramref name="filter"/>, none for an empty filter.</summary>
    public IReadOnlyList<FilterTerm> Parse(string? filter, string field = "filter")
    {
        var expression = FilterParser.Parse(filter, field);
        var terms = new List<FilterTerm>(expression.Comparisons.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var comparison in expression.Comparisons)
        {
            var definition = _fields.GetValueOrDefault(comparison.Field)
                ?? throw Invalid(field, $"unknown field '{comparison.Field}' at position {comparison.Position}; filterable fields are {_fieldList}");
            if (!definition.Operators.Contains(comparison.Operator))
            {
                throw Invalid(field, $"'{definition.Name}' only compares with {Operators(definition)} (position {comparison.OperatorPosition})");
            }

            if (!seen.Add(definition.Name) && !definition.Repeatable)
            {
                throw Invalid(field, $"'{definition.Name}' may appear only once (again at position {comparison.Position})");
            }

            terms.Add(Read(definition, comparison, field));
        }

        return terms;
    }

    private static FilterTerm Read(FilterField definition, FilterComparison comparison, string field)
    {
        var value = comparison.Value;
        var term = new FilterTerm(definition.Name, comparison.Operator, value.Text);
        switch (definition.Type)
        {
            case FilterFieldType.Timestamp:
                return term with { Time = ReadTime(value, field) };
            case FilterFieldType.Integer:
                return long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= definition.Minimum && n <= definition.Maximum
                    ? term with { Number = n }
                    : throw Invalid(field, $"'{definition.Name}' takes a whole number from {definition.Minimum} to {definition.Maximum}; '{value.Text}' at position {value.Position} is not one");
            case FilterFieldType.Enum:
                return definition.Choices!.TryGetValue(value.Text.ToUpperInvariant(), out var choice)
                    ? term with { Choice = choice }
                    : throw Invalid(field, $"unknown {definition.Name} '{value.Text}' at position {value.Position}; use one of {definition.ChoiceList}");
            case FilterFieldType.ResourceName:
                return definition.Pattern!.IsMatch(value.Text)
                    ? term
                    : throw Invalid(field, $"'{definition.Name}' takes a name like \"{definition.Shape}\"; '{value.Text}' at position {value.Position} is not one");
            default:
                return term;
        }
    }

    private static DateTimeOffset ReadTime(FilterLiteral value, string field)
    {
        // An offset is required: a time without one would be read in the server's zone.
        var text = value.Text;
        var t = text.IndexOf('T', StringComparison.Ordinal);
        return t > 0
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > t)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : throw Invalid(field, $"'{text}' at position {value.Position} is not an RFC 3339 time such as \"2024-05-01T00:00:00Z\"");
    }

    private static string Operators(FilterField definition)
    {
        var symbols = definition.Operators.Select(o => $"'{FilterOperators.Symbol(o)}'").ToList();
        return symbols.Count == 1 ? symbols[0] : string.Join(", ", symbols[..^1]) + " or " + symbols[^1];
    }

    private static ValidationException Invalid(string field, string description) => new(field, description);
}
