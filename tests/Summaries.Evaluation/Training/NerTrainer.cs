using System.Diagnostics;
using System.Globalization;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// Trains the NER model end to end: word table from unlabelled text plus the training tokens,
/// gazetteer from the training entities, then perceptron epochs, each scored on the dev file with
/// the quantised weights that would ship; the best epoch wins.
/// </summary>
public static class NerTrainer
{
    /// <summary>The dev precision an entity's margin must promise for it to count as strong evidence.</summary>
    private const double TargetPrecision = 0.98;

    public static NerTrainingResult Train(NerTrainingOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var watch = Stopwatch.StartNew();
        var train = ConllCorpus.Read(options.TrainPath);
        var dev = ConllCorpus.Read(options.DevPath);
        log.WriteLine(Invariant($"train: {train.Count} documents, {train.Sum(d => d.TokenCount)} tokens; dev: {dev.Count} documents, {dev.Sum(d => d.TokenCount)} tokens"));

        var words = WordTableBuilder.Build(
            train.SelectMany(d => d.Sentences.Select(s => s.Tokens)),
            UnlabelledText.Sentences(options.UnlabelledSources),
            LexiconClasses.Words(),
            options.Seed,
            log);
        log.WriteLine(Invariant($"word table: {watch.Elapsed.TotalSeconds:F1}s"));

        var gazetteerBuilder = new GazetteerBuilder();
        train.ForEach(gazetteerBuilder.Add);
        var gazetteer = gazetteerBuilder.Build();
        log.WriteLine(Invariant($"gazetteer: {gazetteer.Count} phrases"));

        var documents = train.Select((d, i) => TrainingDocument.From(d, gazetteerBuilder.LeaveOut(i))).ToList();
        var names = LexiconClasses.Names();
        log.WriteLine(Invariant($"name lists: {names.Count} phrases"));
        var trainer = new PerceptronTrainer(words, gazetteer, names, FeatureGroups.Templates(options.Ablate));
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, documents.Count).ToArray();
        NerModel? best = null;
        var bestF1 = -1.0;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= options.MaxEpochs && epoch - bestEpoch <= options.Patience; epoch++)
        {
            random.Shuffle(order);
            var mistakes = trainer.Epoch(documents, order);
            var (features, weights, transitions) = trainer.Average();
            var model = new NerModel(words, gazetteer, names, FeatureWeights.Quantize(features, weights), transitions, float.MaxValue);
            var f1 = NerEvaluator.Score(model, dev).Overall().F1;
            log.WriteLine(Invariant($"epoch {epoch}: {mistakes} sentences wrong, dev f1={f1:F4} ({watch.Elapsed.TotalSeconds:F0}s)"));
            if (f1 > bestF1)
            {
                (best, bestF1, bestEpoch) = (model, f1, epoch);
            }
        }

        var strongMargin = MarginCalibration.StrongMargin(best!, dev, TargetPrecision);
        best = new NerModel(words, gazetteer, names, best!.Weights, best.Transitions, strongMargin);
        log.WriteLine(Invariant($"best epoch {bestEpoch}: dev f1={bestF1:F4}, {best.Weights.Count} weighted features, strong margin {strongMargin:F3}; trained in {watch.Elapsed.TotalSeconds:F0}s"));
        return new NerTrainingResult(best, bestEpoch, bestF1, watch.Elapsed);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
