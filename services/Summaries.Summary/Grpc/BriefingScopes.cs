using Google.Protobuf.WellKnownTypes;
using Summaries.ServiceDefaults.Errors;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Grpc;

/// <summary>The scope fields of CreateBriefing and StreamBriefing as a <see cref="BriefingScope"/>, and request time ranges.</summary>
public static class BriefingScopes
{
    // google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>Throws a field violation for each timestamp that cannot be a time (seconds or nanos out of range).</summary>
    public static BriefingScope From(IReadOnlyList<string> names, string entity, Timestamp? start, Timestamp? end, string story = "")
    {
        var (from, until) = TimeRange(start, end);
        return new BriefingScope(names, string.IsNullOrWhiteSpace(entity) ? null : entity, from, until,
            string.IsNullOrWhiteSpace(story) ? null : story);
    }

    /// <summary>A request's start and end times; a field violation for each that cannot be a time.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? Until) TimeRange(Timestamp? start, Timestamp? end)
    {
        var problems = new FieldProblems();
        var from = problems.Check(() => ToTime(start, "start_time"));
        var until = problems.Check(() => ToTime(end, "end_time"));
        problems.ThrowIfAny();
        return (from, until);
    }

    private static DateTimeOffset? ToTime(Timestamp? timestamp, string field) =>
        timestamp switch
        {
            null => null,
            { Seconds: >= MinSeconds and <= MaxSeconds, Nanos: >= 0 and < 1_000_000_000 } => timestamp.ToDateTimeOffset(),
            _ => throw new ValidationException(field, "is not a valid timestamp"),
        };
}
