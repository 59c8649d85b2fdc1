namespace Summaries.Language.Resolution;

/// <summary>One resolved mention and the tokens it covers, so later stages can look mentions up by token.</summary>
internal sealed record ResolvedMention(MentionInfo Info, int FirstToken, int LastToken, bool IsRoleReference);

/// <summary>A canonical entity before salience: key, names, roles and its mentions in text order.</summary>
internal sealed record ResolvedEntity(
    string Key,
    string DisplayName,
    EntityKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<RoleInfo> Roles,
    IReadOnlyList<ResolvedMention> Mentions);

/// <summary>Entities in key order (e1, e2, … by first appearance) and all mentions in text order.</summary>
internal sealed record ResolvedEntities(IReadOnlyList<ResolvedEntity> Entities, IReadOnlyList<ResolvedMention> Mentions);
