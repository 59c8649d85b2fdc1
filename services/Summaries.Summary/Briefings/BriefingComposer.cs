using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Llm;
using Summaries.Summary.Sources;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Briefings;

/// <summary>A verified draft, who wrote it, what the reader should be warned of, and the facts behind it.</summary>
public sealed record ComposedBriefing(BriefingDraft Draft, EngineInfo Engine, IReadOnlyList<string> Warnings, FactSheet Facts);

/// <summary>The LLM writer when one is configured; empty otherwise.</summary>
public sealed record LlmWriterSlot(IBriefingWriter? Writer);

/// <summary>
/// Fact sheet → writer → verifier. The LLM writes when configured; sentences that fail
/// verification are dropped, and when the LLM fails or too little of its draft survives, the
/// built-in engine answers and the briefing says why.
/// </summary>
public sealed partial class BriefingComposer(
    FactSheetBuilder factSheetBuilder,
    BuiltInBriefingWriter builtIn,
    LlmWriterSlot llm,
    DraftVerifier verifier,
    IOptions<LlmOptions> llmOptions,
    TimeProvider time,
    ILogger<BriefingComposer> logger)
{
    private static readonly ActivitySource Activity = new("Summaries.Summary");

    public async Task<ComposedBriefing> ComposeAsync(
        IReadOnlyList<SourceDocument> sources, BriefingOptions options, CancellationToken cancellationToken)
    {
        var sheet = factSheetBuilder.Build(sources);
        var request = WritingRequest.For(options.Length);
        var warnings = new List<string>();

        if (llm.Writer is not null && options.Engine != EnginePreference.Builtin)
        {
            var fromLlm = await TryLlmAsync(llm.Writer, sheet, request, warnings, cancellationToken);
            if (fromLlm is not null)
            {
                return new ComposedBriefing(fromLlm, llm.Writer.Engine, warnings, sheet);
            }
        }

        var draft = await builtIn.WriteAsync(sheet, request, cancellationToken);
        var (kept, _) = KeepVerified(draft, sheet);
        return new ComposedBriefing(kept, builtIn.Engine, warnings, sheet);
    }

    private async Task<BriefingDraft?> TryLlmAsync(
        IBriefingWriter writer, FactSheet sheet, WritingRequest request, List<string> warnings, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(llmOptions.Value.TimeoutSeconds);
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        using var span = Activity.StartActivity("chat " + writer.Engine.Model, ActivityKind.Client);
        span?.SetTag("gen_ai.operation.name", "chat");
        span?.SetTag("gen_ai.request.model", writer.Engine.Model);
        try
        {
            var draft = await writer.WriteAsync(sheet, request, linked.Token);
            var (kept, result) = KeepVerified(draft, sheet);
            var rejected = result.Problems.Count;
            if (kept.SentenceCount == 0 || rejected * 2 > result.SentencesChecked)
            {
                var first = result.Problems.FirstOrDefault()?.Reason ?? "no sentences";
                warnings.Add($"LLM output failed verification ({rejected} of {result.SentencesChecked} sentences rejected, e.g. {first}); built-in engine used");
                LogLlmRejected(logger, rejected, result.SentencesChecked);
                return null;
            }

            if (rejected > 0)
            {
                warnings.Add($"{rejected} LLM sentence(s) failed verification and were left out (e.g. {result.Problems[0].Reason})");
            }

            return kept;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            warnings.Add($"LLM unavailable (no answer within {timeout.TotalSeconds:0} s); built-in engine used");
        }
        catch (InvalidLlmOutputException ex)
        {
            warnings.Add($"LLM output invalid ({ex.Message}); built-in engine used");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            warnings.Add($"LLM unavailable ({Describe(ex)}); built-in engine used");
            LogLlmFailed(logger, ex);
        }

        span?.SetStatus(ActivityStatusCode.Error, warnings[^1]);
        return null;
    }

    /// <summary>Drops the sentences the verifier rejects and sections left empty.</summary>
    private (BriefingDraft Kept, VerificationResult Result) KeepVerified(BriefingDraft draft, FactSheet sheet)
    {
        var result = verifier.Verify(draft, sheet);
        if (result.IsClean)
        {
            return (draft, result);
        }

        var rejected = result.Problems.Where(p => p.SectionIndex >= 0)
            .Select(p => (p.SectionIndex, p.SentenceIndex)).ToHashSet();
        var sections = draft.Sections
            .Select((s, si) => s with { Sentences = s.Sentences.Where((_, i) => !rejected.Contains((si, i))).ToList() })
            .Where(s => s.Sentences.Count > 0)
            .ToList();
        var headlineBad = result.Problems.Any(p => p.SectionIndex < 0);
        var headline = headlineBad && sections.Count > 0 ? sections[0].Sentences[0].Text : draft.Headline;
        var headlineFacts = headlineBad && sections.Count > 0 ? sections[0].Sentences[0].FactIds : draft.HeadlineFactIds;
        return (new BriefingDraft(headline, headlineFacts, sections), result);
    }

    private static string Describe(Exception ex) => ex switch
    {
        Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } code } => $"HTTP {(int)code}",
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code}",
        HttpRequestException => "connection failed",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM draft rejected by the verifier: {Rejected} of {Checked} sentences failed")]
    private static partial void LogLlmRejected(ILogger logger, int rejected, int @checked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM call failed; falling back to the built-in engine")]
    private static partial void LogLlmFailed(ILogger logger, Exception exception);
}
