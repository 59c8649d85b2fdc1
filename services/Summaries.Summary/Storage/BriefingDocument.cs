using System.Text.Json;
using System.Text.Json.Serialization;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage;

/// <summary>
/// A stored briefing's <c>document</c>: UTF-8 JSON of the domain <see cref="Briefing"/>. A row
/// without one was written by an earlier release (or by its replica during a rolling upgrade) and
/// is read from its wire <c>payload</c> until the next start carries it over.
/// </summary>
public static class BriefingDocument
{
    public static string Encode(Briefing briefing) => JsonSerializer.Serialize(briefing, BriefingJsonContext.Default.Briefing);

    public static Briefing Decode(string document) =>
        JsonSerializer.Deserialize(document, BriefingJsonContext.Default.Briefing)
            ?? throw new InvalidDataException("A stored briefing's document is JSON null.");

    /// <summary>The row's briefing: its document when it has one, else its wire payload.</summary>
    public static Briefing Read(string? document, byte[] payload, IBriefingWireCodec wire) =>
        document is null ? wire.Decode(payload) : Decode(document);
}

/// <summary>
/// The stored JSON: property names in camel case, enums by name (a renumbered enum cannot change
/// what a row means). Renaming a property of the briefing's records changes the stored form:
/// <c>BriefingDocumentTests</c> reads a row written by this release to catch that.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Briefing))]
internal sealed partial class BriefingJsonContext : JsonSerializerContext;
