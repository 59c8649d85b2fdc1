using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>
/// How a briefing was asked for. Unspecified values are kept as asked (a briefing shows its
/// request's options); the numbers are the API's, so a value this build does not know reaches
/// <see cref="BriefingRequestValidator"/> and is refused by number.
/// </summary>
public sealed record BriefingOptions(
    BriefingLength Length = BriefingLength.Unspecified,
    EnginePreference Engine = EnginePreference.Unspecified,
    bool Refresh = false);

/// <summary>How long a briefing should be; Unspecified is Medium.</summary>
public enum BriefingLength
{
    Unspecified = 0,
    Short = 1,
    Medium = 2,
    Long = 3,
}

/// <summary>Which engine should write; Unspecified is Auto (the LLM when one is configured).</summary>
public enum EnginePreference
{
    Unspecified = 0,
    Auto = 1,
    Builtin = 2,
}

/// <summary>What to summarise and how.</summary>
public sealed record BriefingRequest(BriefingScope Scope, BriefingOptions Options);

/// <summary>The requested length as the writers read it.</summary>
public static class BriefingLengths
{
    /// <summary>The writers' length; Unspecified (and any value the validator let through) is Medium.</summary>
    public static DraftLength ToDraftLength(this BriefingLength length) => length switch
    {
        BriefingLength.Short => DraftLength.Short,
        BriefingLength.Long => DraftLength.Long,
        _ => DraftLength.Medium,
    };
}
