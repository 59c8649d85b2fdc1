using Summaries.Language;

namespace Summaries.Entity.Registry;

/// <summary>
/// One text's annotation as the entity service answers it: the annotator's findings, each sentence's
/// text (the article text itself is not kept), and each entity's registry name once registered.
/// </summary>
public sealed record ArticleAnnotation(
    string ArticleName,
    string AnnotatorVersion,
    IReadOnlyList<ArticleSentence> Sentences,
    IReadOnlyList<MentionInfo> Mentions,
    IReadOnlyList<ArticleEntity> Entities,
    IReadOnlyList<QuoteInfo> Quotes)
{
    /// <param name="text">The annotated text, for the sentences' own text.</param>
    /// <param name="found">What the annotator found in it.</param>
    /// <param name="articleName">Empty for a bare text.</param>
    /// <param name="registryNames">Registry name by entity key; null (or a missing key) leaves the name empty.</param>
    public static ArticleAnnotation Of(string text, TextAnnotation found, string articleName, IReadOnlyDictionary<string, string>? registryNames) =>
        new(
            articleName,
            found.AnnotatorVersion,
            found.Sentences.Select(s => new ArticleSentence(s.Index, s.Start, s.End, text[s.Start..s.End])).ToList(),
            found.Mentions,
            found.Entities.Select(e => new ArticleEntity(e, registryNames?.GetValueOrDefault(e.Key) ?? string.Empty)).ToList(),
            found.Quotes);
}

/// <summary>A sentence with its text.</summary>
public sealed record ArticleSentence(int Index, int Start, int End, string Text);

/// <summary>A canonical entity within one text, with its registry name (empty when not registered).</summary>
public sealed record ArticleEntity(EntityInfo Entity, string EntityName);
