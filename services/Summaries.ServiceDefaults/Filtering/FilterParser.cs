using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.ServiceDefaults.Filtering;

/// <summary>
/// The one grammar every List method's <c>filter</c> follows, a subset of AIP-160:
/// <code>
/// filter     := "" | comparison ( "AND" comparison )*      AND in any case
/// comparison := field op value
/// field      := a word, e.g. publish_time
/// op         := "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
/// value      := "quoted string" (\" and \\ escape) | bare word [A-Za-z0-9_.:/+-]+
/// </code>
/// OR, NOT and parentheses are refused with a message that says so: no filter needs them yet.
/// Which fields exist, their types and operators are each resource's <see cref="FilterSchema"/>.
/// Errors are field violations on <c>filter</c> naming the position of the problem.
/// </summary>
public static class FilterParser
{
    public static FilterExpression Parse(string? filter, string field = "filter")
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return FilterExpression.Empty;
        }

        ListFilters.EnsureLength(filter, field);
        var tokens = FilterLexer.Tokenize(filter, field);
        var comparisons = new List<FilterComparison>();
        var i = 0;
        while (true)
        {
            var name = At(tokens, i++);
            if (name is not { Kind: FilterTokenKind.Word })
            {
                throw new ValidationException(field, $"expected a field name {Where(name)}");
            }

            var op = At(tokens, i++);
            if (op is not { Kind: FilterTokenKind.Operator })
            {
                throw new ValidationException(field, $"expected a comparison after '{name.Text}' {Where(op)}");
            }

            var value = At(tokens, i++);
            if (value is not { Kind: FilterTokenKind.Word or FilterTokenKind.Quoted })
            {
                throw new ValidationException(field, $"expected a value after '{name.Text} {op.Text}' {Where(value)}");
            }

            comparisons.Add(new FilterComparison(
                name.Text, name.Position, FilterOperators.Parse(op.Text), op.Position,
                new FilterLiteral(value.Text, value.Kind == FilterTokenKind.Quoted, value.Position)));
            if (i == tokens.Count)
            {
                return new FilterExpression(comparisons);
            }

            var joiner = tokens[i++];
            if (joiner.Kind != FilterTokenKind.Word || !joiner.Text.Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
                var why = joiner.Kind == FilterTokenKind.Word && joiner.Text.Equals("OR", StringComparison.OrdinalIgnoreCase)
                    ? ": OR is not supported, clauses join with AND only"
                    : string.Empty;
                throw new ValidationException(field, $"expected AND or the end of the filter at position {joiner.Position}{why}");
            }
        }
    }

    private static FilterToken? At(List<FilterToken> tokens, int index) => index < tokens.Count ? tokens[index] : null;

    private static string Where(FilterToken? token) =>
        token is null ? "at the end of the filter" : $"at position {token.Position}";
}
