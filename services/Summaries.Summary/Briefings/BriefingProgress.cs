using Summaries.Summary.Facts;
using Summaries.Summary.Llm;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>
/// What a streaming client has been sent of a briefing so far. Parts go out as soon as they are
/// verified; <see cref="SettleAsync"/> then brings the client to the final briefing: only what is
/// missing when everything sent still stands, otherwise a restart and the whole briefing.
/// Without a stream (CreateBriefing) nothing is sent and nothing is kept.
/// </summary>
public sealed class BriefingProgress(IBriefingStream? stream, FactSheet sheet) : IDraftProgress
{
    private readonly List<BriefingSection> _sections = [];
    private string? _headline;

    public bool IsStreaming => stream is not null;

    /// <summary>True once the headline (and so, possibly, sections) went out.</summary>
    public bool HasSent => _headline is not null;

    public async Task SendHeadlineAsync(string headline, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return;
        }

        _headline = headline;
        await stream.HeadlineAsync(headline, cancellationToken);
    }

    public async Task SendSectionAsync(DraftSection section, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return;
        }

        if (_headline is null)
        {
            throw new InvalidOperationException("The headline goes out before any section.");
        }

        var sent = BriefingAssembler.Section(section, sheet);
        _sections.Add(sent);
        await stream.SectionAsync(sent, cancellationToken);
    }

    /// <summary>
    /// Sends what the client lacks of <paramref name="final"/>. When the headline or a section
    /// already sent differs from it, the client is told to discard everything
    /// (<paramref name="reason"/>, <paramref name="engine"/>) and gets the whole briefing.
    /// </summary>
    public async Task SettleAsync(BriefingDraft final, WriterKind engine, string reason, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return;
        }

        var sections = final.Sections.Select(s => BriefingAssembler.Section(s, sheet)).ToList();
        var stands = _headline is null
            || (_headline == final.Headline && _sections.Count <= sections.Count && _sections.SequenceEqual(sections.Take(_sections.Count)));
        if (!stands)
        {
            await stream.RestartAsync(reason, engine, cancellationToken);
            _headline = null;
            _sections.Clear();
        }

        if (_headline is null)
        {
            await SendHeadlineAsync(final.Headline, cancellationToken);
        }

        foreach (var section in sections.Skip(_sections.Count))
        {
            _sections.Add(section);
            await stream.SectionAsync(section, cancellationToken);
        }
    }
}
