using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summaries.Evaluation;

/// <summary>One fragment of a role; <c>End</c> is exclusive. Offsets are code points into the record's text.</summary>
internal sealed record PolnearFragment(
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text);

/// <summary>An attribution: cue, source (absent for "Attribution-no-source") and content, each possibly discontinuous.</summary>
internal sealed record PolnearAttribution(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("cue")] IReadOnlyList<PolnearFragment>? Cue,
    [property: JsonPropertyName("source")] IReadOnlyList<PolnearFragment>? Source,
    [property: JsonPropertyName("content")] IReadOnlyList<PolnearFragment>? Content);

/// <summary>One annotated file of the PolNeAR JSONL export (shared/data/README.md §2).</summary>
internal sealed record PolnearRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("attributions")] IReadOnlyList<PolnearAttribution> Attributions)
{
    public static IEnumerable<PolnearRecord> ReadAll(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return JsonSerializer.Deserialize<PolnearRecord>(line)
                    ?? throw new InvalidDataException($"An empty record in {path}.");
            }
        }
    }
}
