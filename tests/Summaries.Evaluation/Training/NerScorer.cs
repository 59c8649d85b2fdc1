using System.Globalization;
using System.Text;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// Entity-level scores as conlleval counts them: a predicted entity is correct only when its span
/// and its type both equal a gold entity's. Feed it sentence by sentence, then read the totals.
/// </summary>
public sealed class NerScorer
{
    private readonly SortedDictionary<string, TypeCounts> counts = new(StringComparer.Ordinal);

    public int Tokens { get; private set; }

    public int CorrectTokens { get; private set; }

    /// <summary>Adds one sentence; the two tag lists must have the same length.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"Gold has {gold.Count} tags but the prediction has {predicted.Count}.", nameof(predicted));
        }

        Tokens += gold.Count;
        for (var i = 0; i < gold.Count; i++)
        {
            CorrectTokens += string.Equals(gold[i], predicted[i], StringComparison.Ordinal) ? 1 : 0;
        }

        var goldSpans = IobSpans.Decode(gold);
        var predictedSpans = IobSpans.Decode(predicted);
        var goldSet = new HashSet<EntitySpan>(goldSpans);
        foreach (var span in goldSpans)
        {
            For(span.Type).Gold++;
        }

        foreach (var span in predictedSpans)
        {
            var typeCounts = For(span.Type);
            typeCounts.Predicted++;
            if (goldSet.Contains(span))
            {
                typeCounts.Correct++;
            }
        }
    }

    /// <summary>Per-type scores in ordinal order of the type names.</summary>
    public IReadOnlyList<NerScore> ByType() =>
        counts.Select(pair => NerScore.From(pair.Key, pair.Value.Correct, pair.Value.Predicted, pair.Value.Gold)).ToList();

    public NerScore Overall() =>
        NerScore.From(
            "overall",
            counts.Values.Sum(c => c.Correct),
            counts.Values.Sum(c => c.Predicted),
            counts.Values.Sum(c => c.Gold));

    /// <summary>A conlleval-like table: one line per type, then the overall line.</summary>
    public string Report()
    {
        var builder = new StringBuilder();
        var accuracy = Tokens == 0 ? 0 : (double)CorrectTokens / Tokens;
        builder.AppendLine(CultureInfo.InvariantCulture, $"tokens={Tokens} token_accuracy={accuracy:F4}");
        foreach (var score in ByType().Append(Overall()))
        {
            builder.AppendLine(score.ToString());
        }

        return builder.ToString();
    }

    private TypeCounts For(string type)
    {
        if (!counts.TryGetValue(type, out var typeCounts))
        {
            typeCounts = new TypeCounts();
            counts.Add(type, typeCounts);
        }

        return typeCounts;
    }

    private sealed class TypeCounts
    {
        public int Correct { get; set; }

        public int Predicted { get; set; }

        public int Gold { get; set; }
    }
}

/// <summary>Counts and precision/recall/F1 for one entity type (or "overall").</summary>
public sealed record NerScore(string Type, int Correct, int Predicted, int Gold, double Precision, double Recall, double F1)
{
    public static NerScore From(string type, int correct, int predicted, int gold)
    {
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = gold == 0 ? 0 : (double)correct / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new NerScore(type, correct, predicted, gold, precision, recall, f1);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Type,-8} precision={Precision:F4} recall={Recall:F4} f1={F1:F4} (correct={Correct} predicted={Predicted} gold={Gold})");
}
