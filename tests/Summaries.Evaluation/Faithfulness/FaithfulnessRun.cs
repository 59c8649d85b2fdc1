using Summaries.Summary.Support;

namespace Summaries.Evaluation.Faithfulness;

/// <summary>The checker's verdicts on a set of FRANK records, with the counts the report prints.</summary>
internal sealed class FaithfulnessRun
{
    private readonly List<(FrankRecord Record, bool Predicted, IReadOnlyList<SupportVerdict> Verdicts)> _items = [];

    public double Seconds { get; set; }

    public int Sentences { get; private set; }

    public double SentencesPerSecond => Seconds > 0 ? Sentences / Seconds : 0;

    public IEnumerable<string> Datasets => _items.Select(i => i.Record.Dataset).Distinct().Order(StringComparer.Ordinal);

    public void Add(FrankRecord record, IReadOnlyList<SupportVerdict> verdicts)
    {
        Sentences += verdicts.Count;
        _items.Add((record, verdicts.All(v => v.Supported), verdicts));
    }

    public LabelCounts Counts(string dataset, string part)
    {
        var counts = new LabelCounts();
        foreach (var (record, predicted, _) in _items.Where(i => i.Record.Dataset == dataset && (part == "all" || i.Record.Part == part)))
        {
            counts.Add(record.Supported, predicted);
        }

        return counts;
    }

    public IEnumerable<(string Kind, int Caught, int Total)> KindRecall(string dataset) =>
        _items.Where(i => i.Record.Dataset == dataset && !i.Record.Supported)
            .SelectMany(i => (i.Record.ErrorTypes.Count == 0 ? ["(none)"] : i.Record.ErrorTypes).Select(k => (Kind: k, Caught: !i.Predicted)))
            .GroupBy(x => x.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(x => x.Caught), g.Count()));

    public IEnumerable<KeyValuePair<string, int>> FailureKinds(string dataset) =>
        _items.Where(i => i.Record.Dataset == dataset)
            .SelectMany(i => i.Verdicts.Where(v => !v.Supported).Take(1))
            .GroupBy(v => SupportFailureNames.Of(v.Failure!.Kind))
            .OrderByDescending(g => g.Count())
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()));

    public IEnumerable<(FrankRecord Record, IReadOnlyList<SupportVerdict> Verdicts)> Mistakes =>
        _items.Where(i => i.Record.Supported != i.Predicted && i.Record.Part == "tune").Select(i => (i.Record, i.Verdicts));
}
