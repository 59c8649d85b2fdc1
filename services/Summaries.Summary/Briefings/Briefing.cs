using Summaries.Summary.Balance;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>
/// A stored briefing: the verified headline and sections with their citations, who wrote it and
/// what it cost, the warnings for the reader, the articles it summarises, the options it was asked
/// with, and its balance. <see cref="Cached"/> is set on the copy answered from the cache.
/// </summary>
public sealed record Briefing(
    string Name,
    string Headline,
    IReadOnlyList<BriefingCitation> HeadlineCitations,
    IReadOnlyList<BriefingSection> Sections,
    BriefingEngine Engine,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> ArticleNames,
    DateTimeOffset CreateTime,
    BriefingOptions Options,
    BalanceReport Balance,
    bool Cached = false);

/// <summary>
/// A section of a briefing. <see cref="Party"/> (its public name: registry name, else display
/// name) and <see cref="PartyDisplayName"/> are empty unless it gives one party's position.
/// Equal when every part is equal, sentences included (a streamed section is compared with the final one).
/// </summary>
public sealed record BriefingSection(
    DraftSectionKind Kind, string Title, string Party, string PartyDisplayName, IReadOnlyList<BriefingSentence> Sentences)
{
    public bool Equals(BriefingSection? other) =>
        other is not null && Kind == other.Kind && Title == other.Title && Party == other.Party
        && PartyDisplayName == other.PartyDisplayName && Sentences.SequenceEqual(other.Sentences);

    public override int GetHashCode() => HashCode.Combine(Kind, Title, Party, PartyDisplayName, Sentences.Count);
}

/// <summary>A sentence, the source sentences it rests on, and its speaker (empty when none) as a public name.</summary>
public sealed record BriefingSentence(string Text, IReadOnlyList<BriefingCitation> Citations, string Speaker, string SpeakerDisplayName)
{
    public bool Equals(BriefingSentence? other) =>
        other is not null && Text == other.Text && Speaker == other.Speaker
        && SpeakerDisplayName == other.SpeakerDisplayName && Citations.SequenceEqual(other.Citations);

    public override int GetHashCode() => HashCode.Combine(Text, Speaker, SpeakerDisplayName, Citations.Count);
}

/// <summary>A sentence of a source article (its index, and its UTF-16 offsets in the body).</summary>
public sealed record BriefingCitation(string ArticleName, int SentenceIndex, int Start, int End);

/// <summary>The engine that wrote a briefing, the tokens a model used (0 for the built-in engine) and how long writing took.</summary>
public sealed record BriefingEngine(WriterKind Kind, string Model, string Version, int PromptTokens, int CompletionTokens, TimeSpan Latency);
