using System.Text;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Filtering;

internal enum FilterTokenKind
{
    Word,
    Quoted,
    Operator,
}

/// <summary>A token and its position (0-based character offset) in the filter.</summary>
internal sealed record FilterToken(FilterTokenKind Kind, string Text, int Position);

/// <summary>
/// Splits a filter into words (field names, AND, bare values such as <c>PERSON</c>, <c>2</c> or
/// <c>2024-05-01T00:00:00Z</c>), double-quoted strings (<c>\"</c> and <c>\\</c> escape) and the
/// operators <c>= != &lt; &lt;= &gt; &gt;=</c>. Quoted text is one token whatever it holds, so an
/// AND inside quotes is part of the value.
/// </summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokenize(string text, string field)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '=' or '<' or '>' || (c == '!' && i + 1 < text.Length && text[i + 1] == '='))
            {
                var length = c != '=' && i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                tokens.Add(new FilterToken(FilterTokenKind.Operator, text.Substring(i, length), i));
                i += length;
            }
            else if (c == '"')
            {
                tokens.Add(ReadQuoted(text, ref i, field));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Word, text[start..i], start));
            }
            else
            {
                var why = c is '(' or ')' ? "; parentheses are not supported, clauses join with AND only" : string.Empty;
                throw new ValidationException(field, $"unexpected character '{c}' at position {i}{why}");
            }
        }

        return tokens;
    }

    private static FilterToken ReadQuoted(string text, ref int i, string field)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return new FilterToken(FilterTokenKind.Quoted, value.ToString(), start);
            }

            if (c == '\\')
            {
                if (i == text.Length || (text[i] != '"' && text[i] != '\\'))
                {
                    throw new ValidationException(field, $"only \\\" and \\\\ may be escaped (position {i - 1})");
                }

                c = text[i++];
            }

            value.Append(c);
        }

        throw new ValidationException(field, $"unterminated string starting at position {start}");
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':' or '/' or '+';
}
