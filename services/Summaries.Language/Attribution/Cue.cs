namespace Summaries.Language.Attribution;

/// <summary>A speech cue outside quotes: tokens <c>[FirstToken..LastToken]</c>, its text, and whether its speaker follows it.</summary>
internal sealed record Cue(int FirstToken, int LastToken, string Text, bool SpeakerFollows, int Sentence);
