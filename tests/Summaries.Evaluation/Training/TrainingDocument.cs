using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>A training document: its tokens, gold BILOU labels, and the gazetteer types it must not see.</summary>
internal sealed record TrainingDocument(NerDocument Document, int[] Gold, IReadOnlyDictionary<ulong, byte>? LeaveOut)
{
    public static TrainingDocument From(ConllDocument document, IReadOnlyDictionary<ulong, byte>? leaveOut)
    {
        var nerDocument = document.ToNerDocument();
        var gold = new int[nerDocument.Tokens.Count];
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var start = nerDocument.SentenceStarts[s];
            NerLabels.FromIob(document.Sentences[s].Tags, gold.AsSpan(start, nerDocument.SentenceEnds[s] - start));
        }

        return new TrainingDocument(nerDocument, gold, leaveOut);
    }
}
