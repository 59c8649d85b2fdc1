namespace Summaries.Ingestion.Articles;

/// <summary>An article as a client sends it, before normalisation and validation.</summary>
public sealed record ArticleInput(
    string Title,
    string Body,
    string Source = "",
    string Url = "",
    DateTimeOffset? PublishTime = null,
    string Language = "");

/// <summary>One request to store an article; <paramref name="Article"/> is null when the client sent none.</summary>
public sealed record CreateArticleCommand(ArticleInput? Article, string RequestId = "");

/// <summary>The stored article and whether this call stored it (false: an earlier copy was returned).</summary>
public sealed record CreateArticleOutcome(Article Article, bool Created);
