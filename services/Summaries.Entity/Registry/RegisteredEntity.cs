using Summaries.Language;

namespace Summaries.Entity.Registry;

/// <summary>A canonical entity in the registry, merged across articles.</summary>
public sealed record RegisteredEntity(
    string Name,
    string DisplayName,
    EntityKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    int MentionCount,
    IReadOnlyList<string> ArticleNames);

/// <summary>Filter for listing entities.</summary>
public sealed record EntityFilter(EntityKind? Kind, string? ArticleName);
