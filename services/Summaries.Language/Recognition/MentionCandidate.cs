using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>How sure the recogniser is of a mention's kind; resolution lets stronger evidence win.</summary>
internal enum Evidence
{
    /// <summary>A default guess: an unknown capitalised word.</summary>
    Weak,

    /// <summary>Context suggests the kind: "in X", a given name, "X co-founder".</summary>
    Medium,

    /// <summary>The words say it: an honorific or title, a gazetteer entry, a cue word like "Ministry".</summary>
    Strong,
}

/// <summary>Where a mention came from; role references are added by the role binder, not the recogniser.</summary>
internal enum MentionSource
{
    Name,
    GovernmentBody,
    CompoundPart,
    RoleReference,
}

/// <summary>
/// A mention before resolution: a span of tokens <c>[FirstToken..LastToken]</c> and its characters
/// (narrower than the tokens for part of a hyphenated word, "China" in "China-US").
/// </summary>
internal sealed record MentionCandidate(
    int FirstToken,
    int LastToken,
    int Start,
    int End,
    EntityKind Kind,
    Evidence Evidence,
    int Sentence)
{
    public MentionSource Source { get; init; } = MentionSource.Name;

    /// <summary>The gazetteer group to merge on (canonical alias or demonym group), if any.</summary>
    public string? Group { get; init; }

    /// <summary>For demonyms, the place they refer to ("chinese" → "china").</summary>
    public string? Place { get; init; }

    /// <summary>An unknown single word whose kind the resolver may take from a matching name.</summary>
    public bool KindOpen { get; init; }

    public static MentionCandidate FromTokens(TokenizedText text, int first, int last, EntityKind kind, Evidence evidence) =>
        new(first, last, text[first].Start, text[last].End, kind, evidence, text[first].Sentence);
}
