namespace Summaries.Summary.Support;

/// <summary>Why a claim is not supported by its sources.</summary>
public enum SupportFailureKind
{
    /// <summary>What was done or said differs (an opposite predicate: "refused" for "hoped to").</summary>
    Predicate,

    /// <summary>The claim negates what the source affirms, or the other way round.</summary>
    Polarity,

    /// <summary>Who did it to whom: a participant the sources do not name here, or roles swapped.</summary>
    Participants,

    /// <summary>A circumstance the sources do not give: place, time, number or manner.</summary>
    Circumstance,

    /// <summary>A stance or evaluation given to a party that the sources do not give it.</summary>
    Stance,

    /// <summary>Content that is in no source.</summary>
    NotInSource,
}

/// <summary>The part of a claim that fails, its kind, and a reason a reader can follow.</summary>
public sealed record SupportFailure(SupportFailureKind Kind, string Part, string Reason);

/// <summary>
/// The checker's answer for one claim: supported or not, the failure when not, and the source
/// sentences it compared the claim with (indexes into the sources it was given).
/// </summary>
public sealed record SupportVerdict(bool Supported, SupportFailure? Failure, IReadOnlyList<int> Sources)
{
    public static SupportVerdict Fail(SupportFailureKind kind, string part, string reason, IReadOnlyList<int> sources) =>
        new(false, new SupportFailure(kind, part, reason), sources);
}

/// <summary>Stable names of the failure kinds (metric tags, warnings, the API).</summary>
public static class SupportFailureNames
{
    public static string Of(SupportFailureKind kind) => kind switch
    {
        SupportFailureKind.Predicate => "predicate",
        SupportFailureKind.Polarity => "polarity",
        SupportFailureKind.Participants => "participants",
        SupportFailureKind.Circumstance => "circumstance",
        SupportFailureKind.Stance => "stance",
        _ => "not_in_source",
    };
}
