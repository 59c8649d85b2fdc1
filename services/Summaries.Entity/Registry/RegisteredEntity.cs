using Summaries.Language;

namespace Summaries.Entity.Registry;

/// <summary>
/// A canonical entity in the registry, merged across articles. <see cref="ArticleNames"/> holds at
/// most <see cref="MaxArticleNames"/> names, those stored most recently (article ids grow with their
/// create time), in name order; <see cref="ArticleCount"/> counts them all.
/// </summary>
public sealed record RegisteredEntity(
    string Name,
    string DisplayName,
    EntityKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    int MentionCount,
    IReadOnlyList<string> ArticleNames,
    int ArticleCount)
{
    /// <summary>
    /// An entity in 100,000 articles would otherwise send 100,000 names with every GetEntity and
    /// ListEntities row; readers want the recent ones (a briefing's window is recent).
    /// </summary>
    public const int MaxArticleNames = 1_000;

    /// <summary>Roughly the bytes the entity takes in a response: its strings in UTF-8 and a little framing each.</summary>
    public long ApproximateBytes() =>
        Strings().Sum(s => System.Text.Encoding.UTF8.GetByteCount(s) + 4L) + 32;

    private IEnumerable<string> Strings() => [Name, DisplayName, .. Aliases, .. Roles, .. ArticleNames];
}

/// <summary>Filter for listing entities.</summary>
public sealed record EntityFilter(EntityKind? Kind, string? ArticleName);
