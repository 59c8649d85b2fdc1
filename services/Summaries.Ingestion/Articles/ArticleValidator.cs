using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Options;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Articles;

/// <summary>
/// Checks a normalised article against <see cref="IngestionLimitsOptions"/>. Every problem of one
/// request is reported at once, each under its field path in the request ("article.body").
/// </summary>
public sealed partial class ArticleValidator(IOptions<IngestionLimitsOptions> options, TimeProvider time)
{
    private readonly IngestionLimitsOptions _limits = options.Value;

    public int MaxBodyChars => _limits.MaxBodyChars;

    /// <summary>Throws <see cref="ValidationException"/> listing every problem, if there are any.</summary>
    public void EnsureValid([NotNull] ArticleInput? normalizedArticle, string? requestId, CleanedText? cleaned = null)
    {
        var problems = Validate(normalizedArticle, requestId, cleaned);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        // Validate reports a missing article, so this is unreachable; it tells the compiler so.
        ArgumentNullException.ThrowIfNull(normalizedArticle);
    }

    /// <summary>Every problem; <paramref name="cleaned"/>, when given, is the cleaned body, which must not be empty.</summary>
    public IReadOnlyList<FieldProblem> Validate(ArticleInput? article, string? requestId, CleanedText? cleaned = null)
    {
        var problems = new List<FieldProblem>();
        if ((requestId?.Length ?? 0) > _limits.MaxRequestIdChars)
        {
            problems.Add(new("request_id", $"must be at most {_limits.MaxRequestIdChars} characters"));
        }

        if (article is null)
        {
            problems.Add(new("article", "is required"));
            return problems;
        }

        RequireText(problems, "article.title", article.Title, _limits.MaxTitleChars);
        RequireText(problems, "article.body", article.Body, _limits.MaxBodyChars);
        if (cleaned is { Text.Length: 0 } && !string.IsNullOrWhiteSpace(article.Body) && article.Body.Length <= _limits.MaxBodyChars)
        {
            problems.Add(new("article.body", "has no article text once captions, credits and boilerplate lines are removed"));
        }

        if (article.Source.Length > _limits.MaxSourceChars)
        {
            problems.Add(new("article.source", $"must be at most {_limits.MaxSourceChars} characters (got {article.Source.Length})"));
        }

        foreach (var (field, value) in new[] { ("article.title", article.Title), ("article.body", article.Body), ("article.source", article.Source), ("article.url", article.Url) })
        {
            CheckControlCharacters(problems, field, value);
        }

        CheckUrl(problems, article.Url);
        if (!LanguagePattern().IsMatch(article.Language))
        {
            problems.Add(new("article.language", "must be a BCP-47 language code such as \"en\" or \"pt-BR\""));
        }

        var latest = time.GetUtcNow() + _limits.MaxPublishTimeAhead;
        if (article.PublishTime > latest)
        {
            problems.Add(new("article.publish_time",
                $"must not be more than {_limits.MaxPublishTimeAhead.TotalHours.ToString(CultureInfo.InvariantCulture)} hours in the future"));
        }

        return problems;
    }

    private static void RequireText(List<FieldProblem> problems, string field, string value, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, "must not be empty"));
        }
        else if (value.Length > maxChars)
        {
            problems.Add(new(field, $"must be at most {maxChars} characters (got {value.Length})"));
        }
    }

    /// <summary>
    /// PostgreSQL text cannot hold U+0000, and no article needs it or the other C0 controls (BEL, ESC
    /// of terminal escape sequences, …) or DEL; both stores refuse them alike. Tab, line feed,
    /// vertical tab, form feed and carriage return are whitespace and stay allowed. C1 controls
    /// (U+0080–U+009F) are allowed: mis-decoded real news carries them ("FranÃ\u0083Â§ois").
    /// </summary>
    private static void CheckControlCharacters(List<FieldProblem> problems, string field, string value)
    {
        var at = value.AsSpan().IndexOfAny(ForbiddenControls);
        if (at < 0)
        {
            return;
        }

        problems.Add(value.Contains('\0', StringComparison.Ordinal)
            ? new(field, "must not contain NUL (U+0000) characters")
            : new(field, $"must not contain control characters other than tab and line breaks (U+{(int)value[at]:X4} at position {at.ToString(CultureInfo.InvariantCulture)})"));
    }

    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    private void CheckUrl(List<FieldProblem> problems, string url)
    {
        if (url.Length == 0)
        {
            return;
        }

        if (url.Length > _limits.MaxUrlChars)
        {
            problems.Add(new("article.url", $"must be at most {_limits.MaxUrlChars} characters"));
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            problems.Add(new("article.url", "must be an absolute http or https URL"));
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
