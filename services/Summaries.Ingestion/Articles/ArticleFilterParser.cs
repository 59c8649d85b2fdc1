using System.Globalization;
using System.Text;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Ingestion.Articles;

/// <summary>
/// Parses the ListArticles filter, a small subset of AIP-160:
/// <code>
/// filter    := "" | clause ( "AND" clause )*
/// clause    := field "=" value | "publish_time" op time
/// field     := "source" | "language" | "story" | "duplicate_of" | "publish_time"
/// op        := "=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
/// value     := "quoted string" (\" and \\ escape) | bare word [A-Za-z0-9_.:/+-]+
/// time      := an RFC 3339 time with an offset, e.g. "2024-05-01T00:00:00Z"
/// </code>
/// The entity a story mentions is not filterable here: annotations live in the entity service
/// (<c>ListEntities</c> with <c>article = "…"</c> answers the other direction).
/// Anything else is INVALID_ARGUMENT on <c>filter</c>, naming the position of the problem.
/// </summary>
public static class ArticleFilterParser
{
    private const string Field = "filter";

    public static ArticleFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return ArticleFilter.None;
        }

        ListFilters.EnsureLength(filter, Field);
        var tokens = Tokenize(filter);
        var conditions = new List<ArticleFilterCondition>();
        var i = 0;
        while (true)
        {
            var name = Expect(tokens, i++, TokenKind.Word, "a field name (" + FieldList + ")");
            var field = name.Text switch
            {
                "source" => ArticleFilterField.Source,
                "language" => ArticleFilterField.Language,
                "story" => ArticleFilterField.Story,
                "duplicate_of" => ArticleFilterField.DuplicateOf,
                "publish_time" => ArticleFilterField.PublishTime,
                _ => throw Invalid($"unknown field '{name.Text}' at position {name.Position}; filterable fields are {FieldList}"),
            };
            var op = Expect(tokens, i++, TokenKind.Operator, $"a comparison after '{name.Text}'");
            var value = At(tokens, i++);
            if (value is not { Kind: TokenKind.Word or TokenKind.Quoted })
            {
                throw Invalid($"expected a value after '{name.Text} {op.Text}' {Where(value)}");
            }

            conditions.Add(Condition(field, name, op, value));
            if (i == tokens.Count)
            {
                return new ArticleFilter(conditions);
            }

            var joiner = tokens[i++];
            if (joiner.Kind != TokenKind.Word || !joiner.Text.Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"expected AND or the end of the filter at position {joiner.Position}");
            }
        }
    }

    private const string FieldList = "source, language, story, duplicate_of and publish_time";

    private static ArticleFilterCondition Condition(ArticleFilterField field, Token name, Token op, Token value)
    {
        var comparison = op.Text switch
        {
            "=" => ArticleFilterOperator.Equal,
            "<" => ArticleFilterOperator.Less,
            "<=" => ArticleFilterOperator.LessOrEqual,
            ">" => ArticleFilterOperator.Greater,
            _ => ArticleFilterOperator.GreaterOrEqual,
        };
        if (field != ArticleFilterField.PublishTime)
        {
            return comparison == ArticleFilterOperator.Equal
                ? new ArticleFilterCondition(field, value.Text)
                : throw Invalid($"'{name.Text}' only compares with '=' (position {op.Position})");
        }

        // An offset is required: a time without one would be read in the server's zone.
        if (!value.Text.Contains('T', StringComparison.Ordinal)
            || !(value.Text.EndsWith('Z') || value.Text.EndsWith('z') || value.Text.LastIndexOfAny(['+', '-']) > value.Text.IndexOf('T', StringComparison.Ordinal))
            || !DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw Invalid($"'{value.Text}' at position {value.Position} is not an RFC 3339 time such as \"2024-05-01T00:00:00Z\"");
        }

        return new ArticleFilterCondition(field, value.Text, comparison, time.ToUniversalTime());
    }

    private static Token Expect(List<Token> tokens, int index, TokenKind kind, string what)
    {
        var token = At(tokens, index);
        return token is not null && token.Kind == kind
            ? token
            : throw Invalid($"expected {what} {Where(token)}");
    }

    private static Token? At(List<Token> tokens, int index) => index < tokens.Count ? tokens[index] : null;

    private static string Where(Token? token) =>
        token is null ? "at the end of the filter" : $"at position {token.Position}";

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '=' or '<' or '>')
            {
                var length = c != '=' && i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                tokens.Add(new Token(TokenKind.Operator, text.Substring(i, length), i));
                i += length;
            }
            else if (c == '"')
            {
                tokens.Add(ReadQuoted(text, ref i));
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else
            {
                throw Invalid($"unexpected character '{c}' at position {i}");
            }
        }

        return tokens;
    }

    private static Token ReadQuoted(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return new Token(TokenKind.Quoted, value.ToString(), start);
            }

            if (c == '\\')
            {
                if (i == text.Length || (text[i] != '"' && text[i] != '\\'))
                {
                    throw Invalid($"only \\\" and \\\\ may be escaped (position {i - 1})");
                }

                c = text[i++];
            }

            value.Append(c);
        }

        throw Invalid($"unterminated string starting at position {start}");
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':' or '/' or '+';

    private static ValidationException Invalid(string description) => new(Field, description);

    private enum TokenKind
    {
        Word,
        Quoted,
        Operator,
    }

    private sealed record Token(TokenKind Kind, string Text, int Position);
}
