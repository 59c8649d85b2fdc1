using Summaries.Summary.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Llm;

/// <summary>
/// Verifies a streaming writer's draft part by part and sends what passes, exactly as the
/// verifier's <see cref="DraftVerifier.Keep"/> will keep it from the whole draft: rejected
/// sentences are left out; the headline goes first once its facts are known, or, when it fails,
/// the first kept sentence stands in for it. Context sections are held back: a position the
/// writer left out is added before them once the draft is complete.
/// </summary>
public sealed class LiveDraft(IDraftProgress progress, DraftVerifier verifier, FactSheet sheet, CancellationToken sendToken)
{
    private readonly List<DraftSection> _waiting = [];
    private bool _headlineFailed;

    /// <summary>True once the writer has reported any part.</summary>
    public bool ReceivedAny { get; private set; }

    /// <summary>Reads the writer's stream to the end and returns the whole (unverified) draft.</summary>
    public async Task<BriefingDraft> ReadAsync(
        IStreamingBriefingWriter writer, WritingRequest request, CancellationToken cancellationToken)
    {
        await foreach (var part in writer.StreamAsync(sheet, request, cancellationToken))
        {
            ReceivedAny = true;
            switch (part)
            {
                case DraftComplete complete:
                    return complete.Draft;
                case DraftHeadline headline:
                    await OnHeadlineAsync(headline);
                    break;
                case DraftSectionDone done:
                    await OnSectionAsync(done.Section);
                    break;
            }
        }

        throw new InvalidOperationException("The writer's stream ended without the whole draft.");
    }

    private async Task OnHeadlineAsync(DraftHeadline headline)
    {
        if (progress.HasSent)
        {
            return;
        }

        if (verifier.CheckHeadline(headline.Headline, headline.FactIds, sheet) is null)
        {
            await progress.SendHeadlineAsync(headline.Headline, sendToken);
            await SendWaitingAsync();
        }
        else
        {
            _headlineFailed = true;
            if (_waiting.Count > 0)
            {
                await progress.SendHeadlineAsync(_waiting[0].Sentences[0].Text, sendToken);
                await SendWaitingAsync();
            }
        }
    }

    private async Task OnSectionAsync(DraftSection section)
    {
        var kept = verifier.KeepSection(section, sheet);
        if (kept is null)
        {
            return;
        }

        _waiting.Add(kept);
        if (!progress.HasSent && _headlineFailed)
        {
            await progress.SendHeadlineAsync(_waiting[0].Sentences[0].Text, sendToken);
        }

        if (progress.HasSent)
        {
            await SendWaitingAsync();
        }
    }

    private async Task SendWaitingAsync()
    {
        foreach (var section in _waiting.Where(s => s.Kind != DraftSectionKind.Context))
        {
            await progress.SendSectionAsync(section, sendToken);
        }

        _waiting.RemoveAll(s => s.Kind != DraftSectionKind.Context);
    }
}
