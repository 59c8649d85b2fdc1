using Summaries.Summary.Facts;
using Summaries.Summary.Support;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Verification;

/// <summary>The verifier's meaning check: whether a sentence's citations support it.</summary>
public sealed partial class DraftVerifier
{
    /// <summary>The sentence with the citations that do not support it taken off, and those citations with the reason.</summary>
    public (DraftSentence Sentence, IReadOnlyList<(string FactId, string Reason)> Removed) PruneCitations(DraftSentence sentence, FactSheet sheet)
    {
        if (sentence.FactIds.Count < 2 || string.IsNullOrWhiteSpace(sentence.Text))
        {
            return (sentence, []);
        }

        var cited = sentence.FactIds.Select(sheet.FindFact).ToList();
        if (cited.Any(f => f is null || f.Kind != FactKind.Narrative))
        {
            // Unknown ids are the sentence's own fault, reported by Diagnose.
            return (sentence, []);
        }

        var (kept, removed) = _support.Prune(sentence.Text, cited!, sheet);
        return removed.Count == 0 ? (sentence, removed) : (sentence with { FactIds = kept }, removed);
    }

    /// <summary>Do the cited facts (and free text such as titles) say what the sentence says?</summary>
    private Violation? CheckSupport(string text, List<Fact> cited, FactSheet sheet, IReadOnlyList<string>? freeText)
    {
        var verdict = _support.Sheet.Check(text, cited, sheet, freeText);
        return verdict.Failure is { } failure
            ? new(VerificationRules.Unsupported(failure.Kind), $"not supported by its sources ({SupportFailureNames.Of(failure.Kind)}): {failure.Reason}")
            : null;
    }
}
