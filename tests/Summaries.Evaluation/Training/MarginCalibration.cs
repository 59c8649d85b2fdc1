using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>Finds the margin above which the tagger's entities reach a given precision on gold documents.</summary>
internal static class MarginCalibration
{
    public static float StrongMargin(NerModel model, IReadOnlyList<ConllDocument> documents, double precision)
    {
        var tagger = model.CreateTagger();
        var scored = new List<(float Margin, bool Correct)>();
        foreach (var document in documents)
        {
            var nerDocument = document.ToNerDocument();
            var gold = new HashSet<(int, int, string)>();
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                foreach (var span in IobSpans.Decode(document.Sentences[s].Tags))
                {
                    gold.Add((nerDocument.SentenceStarts[s] + span.Start, nerDocument.SentenceStarts[s] + span.End, span.Type));
                }
            }

            scored.AddRange(tagger.Entities(nerDocument).Select(e => (e.Margin, gold.Contains((e.Start, e.End, e.Type)))));
        }

        // Walk from the most confident down; the threshold is the lowest margin at which the
        // entities at or above it are still precise enough.
        scored.Sort((a, b) => b.Margin.CompareTo(a.Margin));
        var threshold = float.MaxValue;
        var correct = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            correct += scored[i].Correct ? 1 : 0;
            var lastOfTie = i + 1 == scored.Count || scored[i + 1].Margin < scored[i].Margin;
            if (lastOfTie && (double)correct / (i + 1) >= precision)
            {
                threshold = scored[i].Margin;
            }
        }

        return threshold;
    }
}
