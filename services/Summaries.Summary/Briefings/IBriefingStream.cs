namespace Summaries.Summary.Briefings;

/// <summary>Where a streamed briefing's parts go as they are verified (StreamBriefing's response stream).</summary>
public interface IBriefingStream
{
    Task HeadlineAsync(string headline, CancellationToken cancellationToken);

    Task SectionAsync(BriefingSection section, CancellationToken cancellationToken);

    /// <summary>What was sent no longer stands; a new headline and sections by <paramref name="engine"/> follow.</summary>
    Task RestartAsync(string reason, Writing.WriterKind engine, CancellationToken cancellationToken);
}
