using System.Text.Json;
using System.Text.Json.Serialization;

namespace Summaries.Summary.Support;

/// <summary>
/// The support checker's tuned settings (Resources/support-model.json), chosen on the tuning half
/// of the development data by the evaluation tool's <c>faithfulness --tune</c>; see Support/README.md.
/// </summary>
public sealed record SupportModel
{
    /// <summary>Content words of a claim that may be missing from its sources (a paraphrase's own words).</summary>
    public double MaxNovelWords { get; init; } = 1;

    /// <summary>Share of a claim's content words that must appear in its sources in the claim's order.</summary>
    public double MinOrderedCoverage { get; init; } = 0.5;

    /// <summary>
    /// Share of a claim's plain content words one of several citations may lack (its core still
    /// checked): set by hand, as FRANK judges whole summaries and says nothing of single citations.
    /// </summary>
    public double CoreShare { get; init; } = 0.5;

    /// <summary>Source sentences the cite-free mode may join to support one claim.</summary>
    public int MaxSources { get; init; } = 2;

    /// <summary>Content words a further sentence must add before the cite-free mode joins it.</summary>
    public int FusionMinGain { get; init; } = 2;

    /// <summary>Sentences before a source sentence whose names its pronouns may stand for.</summary>
    public int CorefWindow { get; init; } = 3;

    /// <summary>Checks switched off (for ablations): "polarity", "antonyms", "roles", "stance", "names", "numbers", "time", "novel", "order", "coref".</summary>
    public IReadOnlyList<string> Disabled { get; init; } = [];

    public bool Enabled(string check) => !Disabled.Contains(check, StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Loads the model embedded in this assembly.</summary>
    public static SupportModel LoadDefault()
    {
        using var stream = typeof(SupportModel).Assembly
            .GetManifestResourceStream("Summaries.Summary.Resources.support-model.json")
            ?? throw new InvalidOperationException("support-model.json is not embedded in the summary service.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>A model from its JSON (as <c>faithfulness --tune</c> writes it).</summary>
    public static SupportModel Parse(string json) =>
        JsonSerializer.Deserialize<SupportModel>(json, Json) ?? throw new InvalidOperationException("The support model's JSON is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
