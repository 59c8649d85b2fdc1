using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// Finds name mentions in tokenized text. The rule-based recogniser is the first implementation;
/// a trained sequence tagger can replace it without touching resolution or quote attribution.
/// </summary>
internal interface IMentionRecognizer
{
    /// <summary>The mentions in text order; stops with <see cref="OperationCanceledException"/> soon after the token fires.</summary>
    IReadOnlyList<MentionCandidate> Recognize(TokenizedText text, CancellationToken cancellationToken = default);
}
