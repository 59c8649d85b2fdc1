namespace Summaries.Summary.Verification;

/// <summary>Why one sentence of a draft was rejected; <see cref="Rule"/> is a stable id (a metric tag).</summary>
public sealed record SentenceProblem(int SectionIndex, int SentenceIndex, string Sentence, string Reason, string Rule);

/// <summary>A citation the verifier took off a sentence because its fact does not support the sentence.</summary>
public sealed record CitationRemoval(int SectionIndex, int SentenceIndex, string Sentence, string FactId, string Reason);

/// <summary>The verifier's verdict on a whole draft.</summary>
public sealed record VerificationResult(IReadOnlyList<SentenceProblem> Problems, int SentencesChecked)
{
    public bool IsClean => Problems.Count == 0;

    /// <summary>Citations taken off sentences that stay, because their facts do not support them.</summary>
    public IReadOnlyList<CitationRemoval> RemovedCitations { get; init; } = [];
}

/// <summary>The first rule a sentence breaks, with the reason shown to readers.</summary>
public sealed record Violation(string Rule, string Reason);

/// <summary>The verifier's rules, as named in the <c>rule</c> tag of <c>summaries.briefing.rejected_sentences</c>.</summary>
public static class VerificationRules
{
    public const string Empty = "empty";
    public const string NoCitation = "no_citation";
    public const string UnknownFact = "unknown_fact";
    public const string QuoteNotVerbatim = "quote_not_verbatim";
    public const string QuoteNotAttributed = "quote_not_attributed";
    public const string UnattributedClaim = "unattributed_claim";
    public const string LoadedLanguage = "loaded_language";
    public const string NumberNotInFacts = "number_not_in_facts";
    public const string NameNotInFacts = "name_not_in_facts";
    public const string InstructionText = "instruction_text";
    public const string InstructionEcho = "instruction_echo";

    /// <summary>The cited facts do not say what the sentence says: <c>unsupported_{kind}</c> (predicate, polarity, ...).</summary>
    public static string Unsupported(Support.SupportFailureKind kind) => "unsupported_" + Support.SupportFailureNames.Of(kind);
}
