using System.Text.Json;
using System.Text.Json.Serialization;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage;

/// <summary>
/// How a stored briefing's <c>payload</c> is written, named by the row's <c>format</c>. Rows of
/// earlier releases hold the wire message; the migration rewrites them as JSON, and rows an older
/// replica still writes during a rolling upgrade (the column's default marks them) are read through
/// <see cref="ILegacyBriefingReader"/> until the next start rewrites them.
/// </summary>
public static class BriefingPayload
{
    /// <summary>The serialized <c>summaries.summary.v1.Briefing</c>, as releases before the domain briefing stored it.</summary>
    public const int WireMessage = 1;

    /// <summary>UTF-8 JSON of <see cref="Briefing"/> (<see cref="BriefingJsonContext"/>).</summary>
    public const int Json = 2;

    public static byte[] Encode(Briefing briefing) => JsonSerializer.SerializeToUtf8Bytes(briefing, BriefingJsonContext.Default.Briefing);

    public static Briefing Decode(int format, byte[] payload, ILegacyBriefingReader legacy) => format switch
    {
        Json => JsonSerializer.Deserialize(payload, BriefingJsonContext.Default.Briefing)
            ?? throw new InvalidDataException("A stored briefing's payload is JSON null."),
        WireMessage => legacy.Read(payload),
        _ => throw new InvalidDataException($"A stored briefing has payload format {format}, which this build does not know."),
    };
}

/// <summary>
/// The stored JSON: property names in camel case, enums by name (a renumbered enum cannot change
/// what a row means). Renaming a property of the briefing's records changes the stored form:
/// <c>BriefingPayloadTests</c> reads a row written by this release to catch that.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Briefing))]
internal sealed partial class BriefingJsonContext : JsonSerializerContext;
