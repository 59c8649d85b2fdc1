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

        var (kept, removed) = Prune(WithoutOutlet(sentence, cited!, sheet).Text, cited!, sheet);
        return removed.Count == 0 ? (sentence, removed) : (sentence with { FactIds = kept }, removed);
    }

    /// <summary>Do the cited facts (and free text such as titles) say what the sentence says?</summary>
    private Violation? CheckSupport(string text, List<Fact> cited, FactSheet sheet, IReadOnlyList<string>? freeText)
    {
        var verdict = _support.Check(text, cited, sheet, freeText);
        return verdict.Failure is { } failure
            ? new(VerificationRules.Unsupported(failure.Kind), $"not supported by its sources ({SupportFailureNames.Of(failure.Kind)}): {failure.Reason}")
            : null;
    }

    /// <summary>
    /// The citations that support the sentence, when all its citations together do: each fact that
    /// carries the sentence's core alone (names, numbers, places, predicate, polarity); when none
    /// does, each fact the joint support needs. The others come back with the
    /// reason, to be removed.
    /// </summary>
    private (IReadOnlyList<string> Kept, IReadOnlyList<(string FactId, string Reason)> Removed) Prune(
        string sentence, IReadOnlyList<Fact> cited, FactSheet sheet)
    {
        var ids = cited.Select(f => f.Id).ToList();
        if (cited.Count < 2)
        {
            return (ids, []);
        }

        if (!_support.Check(sentence, cited, sheet).Supported)
        {
            // Not even all of them together: the sentence itself is rejected, with all it cites.
            return (ids, []);
        }

        var alone = cited.Select(f => _support.Check(sentence, [f], sheet, core: true)).ToList();
        var kept = cited.Where((_, i) => alone[i].Supported).ToList();
        if (kept.Count == 0)
        {
            kept = cited.Where(f => !_support.Check(sentence, cited.Where(o => o != f).ToList(), sheet).Supported).ToList();
            if (kept.Count == 0)
            {
                kept = [cited[0]];
            }
        }

        var removed = cited.Select((f, i) => (f, i)).Where(x => !kept.Contains(x.f))
            .Select(x => (x.f.Id, alone[x.i].Failure is { } failure
                ? $"{SupportFailureNames.Of(failure.Kind)}: {failure.Reason}"
                : "not needed for the sentence"))
            .ToList();
        return (kept.Select(f => f.Id).ToList(), removed);
    }
}
