using System.Diagnostics;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>Scores a model on gold documents, and times it.</summary>
public static class NerEvaluator
{
    /// <summary>Tags every document (each as one document, so sentences inform each other) and scores the tags.</summary>
    public static NerScorer Score(NerModel model, IReadOnlyList<ConllDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var tagger = model.CreateTagger();
        var scorer = new NerScorer();
        foreach (var document in documents)
        {
            var tags = tagger.Tag(document.ToNerDocument());
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                scorer.Add(document.Sentences[s].Tags, tags[s]);
            }
        }

        return scorer;
    }

    /// <summary>
    /// Speed of tagging alone on this thread: documents are prepared first, one pass warms up the
    /// JIT and caches, then passes are timed until at least <paramref name="minimum"/> has elapsed.
    /// </summary>
    public static NerThroughput Measure(NerModel model, IReadOnlyList<NerDocument> documents, TimeSpan minimum)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var tagger = model.CreateTagger();
        var tokens = documents.Sum(d => d.Tokens.Count);
        var labels = new int[documents.Max(d => d.Tokens.Count)];
        void Pass()
        {
            foreach (var document in documents)
            {
                tagger.Tag(document, labels, []);
            }
        }

        Pass();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            Pass();
            passes++;
        }
        while (watch.Elapsed < minimum);

        var elapsed = watch.Elapsed;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new NerThroughput((double)tokens * passes / elapsed.TotalSeconds, (double)bytes / (tokens * passes));
    }
}

/// <summary>Tokens per second, and bytes allocated per token (per-document memory, not per-token work).</summary>
public sealed record NerThroughput(double TokensPerSecond, double BytesPerToken);
