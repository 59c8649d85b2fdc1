namespace Summaries.Language.Tagging;

/// <summary>An entity over tokens <c>[Start, End)</c> of one sentence, with its CoNLL type ("PER", "ORG", "LOC", "MISC").</summary>
public readonly record struct EntitySpan(int Start, int End, string Type);
