using Summaries.Summary.Facts;
using Summaries.Summary.Support;

namespace Summaries.Summary.Verification;

/// <summary>A citation the verifier took off a sentence because its fact does not support the sentence.</summary>
public sealed record CitationRemoval(int SectionIndex, int SentenceIndex, string Sentence, string FactId, string Reason);

/// <summary>Which of a sentence's citations support it (<see cref="SheetSupport"/>).</summary>
public sealed class CitationSupport(SheetSupport support)
{
    public SheetSupport Sheet => support;

    /// <summary>
    /// The citations that support the sentence, when all its citations together do: each fact that
    /// carries the sentence's core alone (names, numbers, places, predicate, polarity); when none
    /// does, each fact the joint support needs. The others come back with the
    /// reason, to be removed.
    /// </summary>
    public (IReadOnlyList<string> Kept, IReadOnlyList<(string FactId, string Reason)> Removed) Prune(
        string sentence, IReadOnlyList<Fact> cited, FactSheet sheet)
    {
        var ids = cited.Select(f => f.Id).ToList();
        if (cited.Count < 2)
        {
            return (ids, []);
        }

        if (!support.Check(sentence, cited, sheet).Supported)
        {
            // Not even all of them together: the sentence itself is rejected, with all it cites.
            return (ids, []);
        }

        var alone = cited.Select(f => support.Check(sentence, [f], sheet, core: true)).ToList();
        var kept = cited.Where((_, i) => alone[i].Supported).ToList();
        if (kept.Count == 0)
        {
            kept = cited.Where(f => !support.Check(sentence, cited.Where(o => o != f).ToList(), sheet).Supported).ToList();
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
