namespace Summaries.Language;

// Plain domain types of one text's annotation. Offsets are UTF-16 code units into the
// annotated text, start inclusive, end exclusive. The gRPC adapter maps these to protos.

/// <summary>Entity kinds, mapping to CoNLL PER/ORG/LOC/MISC.</summary>
public enum EntityKind
{
    Person,
    Organization,
    Location,
    Misc,
}

/// <summary>A sentence of the text.</summary>
public sealed record SentenceSpan(int Index, int Start, int End);

/// <summary>One occurrence of a name.</summary>
public sealed record MentionInfo(int Start, int End, string Text, EntityKind Kind, string EntityKey, int SentenceIndex);

/// <summary>A role or title bound to a person as written ("US secretary of state").</summary>
public sealed record RoleInfo(string Text, int Start, int End);

/// <summary>A canonical entity within one text, all its mentions merged.</summary>
public sealed record EntityInfo(
    string Key,
    string DisplayName,
    EntityKind Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<RoleInfo> Roles,
    int MentionCount,
    double Salience);

/// <summary>
/// A passage attributed to a speaker. For direct quotes Start/End cover the words inside the
/// quotation marks; for reported speech they cover the reported clause.
/// SpeakerStart/SpeakerEnd are -1 when no speaker words were found.
/// </summary>
public sealed record QuoteInfo(
    int Start,
    int End,
    string Text,
    string Cue,
    string? SpeakerKey,
    string? SpeakerText,
    int SpeakerStart,
    int SpeakerEnd,
    bool Direct,
    int SentenceIndex);

/// <summary>Everything found in one text.</summary>
public sealed record TextAnnotation(
    IReadOnlyList<SentenceSpan> Sentences,
    IReadOnlyList<MentionInfo> Mentions,
    IReadOnlyList<EntityInfo> Entities,
    IReadOnlyList<QuoteInfo> Quotes,
    string AnnotatorVersion);

/// <summary>Annotates one text: sentences, mentions, canonical entities with roles, quotes with speakers.</summary>
public interface ITextAnnotator
{
    TextAnnotation Annotate(string text, string? title = null);

    /// <summary>
    /// As <see cref="Annotate(string, string?)"/>, stopping with <see cref="OperationCanceledException"/>
    /// soon after <paramref name="cancellationToken"/> fires (between stages and every few thousand tokens
    /// within them), so a caller's deadline ends the work and not only the wait.
    /// </summary>
    TextAnnotation Annotate(string text, string? title, CancellationToken cancellationToken);
}
