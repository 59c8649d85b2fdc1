namespace Summaries.Summary.Sources;

/// <summary>
/// What the entity service found in one article: its sentences, the entities and their mentions,
/// and the quotes with their speakers. Offsets are UTF-16 positions in the article's body.
/// </summary>
public sealed record SourceAnnotation(
    string AnnotatorVersion,
    IReadOnlyList<AnnotatedSentence> Sentences,
    IReadOnlyList<AnnotatedMention> Mentions,
    IReadOnlyList<AnnotatedEntity> Entities,
    IReadOnlyList<AnnotatedQuote> Quotes);

/// <summary>One sentence of the body, numbered from 0.</summary>
public sealed record AnnotatedSentence(int Index, int Start, int End, string Text);

/// <summary>Where an entity (<see cref="AnnotatedEntity.Key"/>) is named.</summary>
public sealed record AnnotatedMention(string Text, int Start, int End, string EntityKey, int SentenceIndex);

/// <summary>
/// One entity of the article: its key within the annotation, its registry name when the entity
/// service registered it (empty otherwise), the other forms it was named by and the roles given to it.
/// </summary>
public sealed record AnnotatedEntity(
    string Key,
    string EntityName,
    string DisplayName,
    AnnotatedEntityType Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    int MentionCount,
    double Salience);

/// <summary>
/// What an annotated entity is. The names are the entity service's own, because keys of
/// unregistered entities are spelled "{type}:{display name}".
/// </summary>
public enum AnnotatedEntityType
{
    Unspecified,
    Person,
    Organization,
    Location,
    Misc,
}

/// <summary>A quote, its cue ("said") and its speaker (an entity key, and the words naming them).</summary>
public sealed record AnnotatedQuote(
    string Text,
    int Start,
    int End,
    string Cue,
    string SpeakerKey,
    string SpeakerText,
    int SpeakerStart,
    int SpeakerEnd,
    bool Direct,
    int SentenceIndex);
