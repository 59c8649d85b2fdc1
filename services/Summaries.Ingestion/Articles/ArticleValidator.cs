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

        // PostgreSQL text cannot hold U+0000, and no article needs it; both stores refuse it alike.
        foreach (var (field, value) in new[] { ("article.title", article.Title), ("article.body", article.Body), ("article.source", article.Source), ("article.url", article.Url) })
        {
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add(new(field, "must not contain NUL (U+0000) characters"));
            }
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
