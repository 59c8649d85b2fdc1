using Summaries.Summary.Writing;

namespace Summaries.Summary.Llm;

/// <summary>
/// Where the LLM's verified parts go while it streams: the briefing's progress towards a
/// streaming client. An interface so that the LLM's turn does not depend on the briefing
/// pipeline that calls it.
/// </summary>
public interface IDraftProgress
{
    /// <summary>True when a client is listening; false for CreateBriefing, where nothing is sent.</summary>
    bool IsStreaming { get; }

    /// <summary>True once the headline (and so, possibly, sections) went out.</summary>
    bool HasSent { get; }

    Task SendHeadlineAsync(string headline, CancellationToken cancellationToken);

    Task SendSectionAsync(DraftSection section, CancellationToken cancellationToken);
}
