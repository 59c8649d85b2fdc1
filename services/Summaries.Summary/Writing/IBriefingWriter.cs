using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing;

/// <summary>Writes a draft briefing from a fact sheet, and from nothing else.</summary>
public interface IBriefingWriter
{
    /// <summary>What this writer is, for the briefing's <c>engine</c> field.</summary>
    EngineInfo Engine { get; }

    Task<BriefingDraft> WriteAsync(FactSheet facts, WritingRequest request, CancellationToken cancellationToken);
}
