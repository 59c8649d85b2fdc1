namespace Summaries.Summary.Verification;

/// <summary>What the verifier took out of a draft, in words for the briefing's warnings: each dropped sentence and each removed citation, with why.</summary>
public static class VerificationWarnings
{
    /// <summary>Items listed in one warning; the count covers the rest.</summary>
    public const int Listed = 5;

    /// <param name="writer">Whose sentences these are ("LLM", "built-in").</param>
    public static IEnumerable<string> Describe(VerificationResult result, string writer)
    {
        var dropped = result.Problems.Where(p => p.SectionIndex >= 0).ToList();
        if (dropped.Count > 0)
        {
            yield return $"{dropped.Count} {writer} sentence(s) failed verification and were left out: " +
                string.Join("; ", dropped.Take(Listed).Select(p => $"“{Shorten(p.Sentence)}” ({p.Reason})")) + More(dropped.Count);
        }

        if (result.RemovedCitations.Count > 0)
        {
            yield return $"{result.RemovedCitations.Count} citation(s) removed because the source does not support the sentence: " +
                string.Join("; ", result.RemovedCitations.Take(Listed).Select(r => $"{r.FactId} from “{Shorten(r.Sentence)}” ({r.Reason})")) +
                More(result.RemovedCitations.Count);
        }
    }

    private static string More(int count) => count > Listed ? $"; and {count - Listed} more" : string.Empty;

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";
}
