namespace Summaries.Summary.Verification;

/// <summary>Why one sentence of a draft was rejected.</summary>
public sealed record SentenceProblem(int SectionIndex, int SentenceIndex, string Sentence, string Reason);

/// <summary>The verifier's verdict on a whole draft.</summary>
public sealed record VerificationResult(IReadOnlyList<SentenceProblem> Problems, int SentencesChecked)
{
    public bool IsClean => Problems.Count == 0;
}
