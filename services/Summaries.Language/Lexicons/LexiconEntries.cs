namespace Summaries.Language.Lexicons;

/// <summary>
/// A known name. <paramref name="Forms"/> keeps the listed spelling of each token so case can be
/// checked ("WHO" the organisation never matches "Who"). <paramref name="Group"/> is what mentions
/// are merged on: the canonical alias, or for a demonym its group's first form.
/// </summary>
internal sealed record GazetteerEntry(EntityKind Kind, IReadOnlyList<string> Forms, string Group, string? Place);

/// <summary>A title head; <paramref name="Head"/> is its singular, normalised form ("senators" → "senator").</summary>
internal sealed record TitleEntry(string Head);

/// <summary>
/// A speech cue; <paramref name="SpeakerFollows"/> for cues like "according to"; <paramref name="ClauseFinal"/>
/// for phrases that attribute only where their clause ends ("as she put it.", "he went on:"), and mean
/// something else before an object ("put it on the table", "went on strike").
/// </summary>
internal sealed record CueEntry(string Phrase, bool SpeakerFollows, bool ClauseFinal = false);
