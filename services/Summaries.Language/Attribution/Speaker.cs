namespace Summaries.Language.Attribution;

/// <summary>The words naming who spoke, tokens <c>[FirstToken..LastToken]</c>, and the entity they resolve to, if any.</summary>
internal sealed record Speaker(int FirstToken, int LastToken, int Start, int End, string Text, string? Key);
