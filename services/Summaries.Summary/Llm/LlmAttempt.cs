using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.Summary.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Llm;

/// <summary>
/// How the LLM's turn ended: its verified draft, or the reason the built-in engine must answer
/// (a low-cardinality tag of summaries.briefing.fallbacks). <see cref="Rewritten"/> says why the
/// draft replaces what was streamed, when the model's second answer was kept.
/// </summary>
public sealed record LlmOutcome(BriefingDraft? Draft, string? FallbackReason, string? Rewritten = null);

/// <summary>
/// The LLM's turn at a briefing, within the LLM timeout: one call (streamed, and verified part by
/// part, when the client streams), the verifier's verdict, and one more call with the failures
/// listed when sentences were rejected, the better answer kept. Any failure ends in a reason and a
/// warning for the reader; the caller's own cancellation (client deadline) propagates. Each call's
/// span and gen_ai.* metrics come from the chat client's instrumentation (<see cref="KernelFactory"/>).
/// </summary>
public sealed partial class LlmAttempt(
    DraftVerifier verifier, SummaryMetrics telemetry, IOptions<LlmOptions> llmOptions, TimeProvider time, ILogger<LlmAttempt> logger)
{
    public async Task<LlmOutcome> RunAsync(
        IBriefingWriter writer, FactSheet sheet, WritingRequest request, List<string> warnings,
        IDraftProgress progress, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(llmOptions.Value.TimeoutSeconds);
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var live = progress.IsStreaming && writer is IStreamingBriefingWriter
            ? new LiveDraft(progress, verifier, sheet, cancellationToken)
            : null;
        string reason;
        try
        {
            var draft = live is null
                ? await writer.WriteAsync(sheet, request, linked.Token)
                : await live.ReadAsync((IStreamingBriefingWriter)writer, request, linked.Token);
            return await VerifyAsync(writer, draft, sheet, request, warnings, linked.Token, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            warnings.Add(live?.ReceivedAny == true
                ? $"LLM answer not complete within {timeout.TotalSeconds:0} s; built-in engine used"
                : $"LLM unavailable (no answer within {timeout.TotalSeconds:0} s); built-in engine used");
            reason = "timeout";
        }
        catch (InvalidLlmOutputException ex)
        {
            warnings.Add($"LLM output invalid ({ex.Message}); built-in engine used");
            reason = "invalid_output";
        }
        catch (LlmStreamInterruptedException ex)
        {
            warnings.Add($"LLM stream interrupted ({ex.Message}); built-in engine used");
            reason = "stream_interrupted";
            LogLlmFailed(logger, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var (description, tag) = Describe(ex);
            warnings.Add($"LLM unavailable ({description}); built-in engine used");
            reason = tag;
            LogLlmFailed(logger, ex);
        }

        return new LlmOutcome(null, reason);
    }

    private async Task<LlmOutcome> VerifyAsync(
        IBriefingWriter writer, BriefingDraft draft, FactSheet sheet, WritingRequest request, List<string> warnings,
        CancellationToken llmToken, CancellationToken cancellationToken)
    {
        var (kept, result) = verifier.Keep(draft, sheet, cancellationToken);
        CountRejected(result);
        string? rewritten = null;
        if (!result.IsClean)
        {
            // Asked once more, with the failures listed; the better of the two attempts is kept.
            var corrections = result.Problems.Select(p => $"“{p.Sentence}”: {p.Reason}").ToList();
            BriefingDraft? second = null;
            try
            {
                second = await writer.WriteAsync(sheet, request with { Corrections = corrections }, llmToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The first answer still stands on its own; the verdict below decides whether it is served.
                warnings.Add($"the LLM was asked once more to fix {result.Problems.Count} sentence(s) that failed verification but did not answer ({ex.GetType().Name}); its first answer was kept");
            }

            if (second is not null)
            {
                var (keptAgain, resultAgain) = verifier.Keep(second, sheet, cancellationToken);
                CountRejected(resultAgain);
                var better = resultAgain.Problems.Count < result.Problems.Count;
                warnings.Add(better
                    ? $"the LLM was asked once more to fix {result.Problems.Count} sentence(s) that failed verification"
                    : $"the LLM's second attempt did not fix the {result.Problems.Count} sentence(s) that failed verification");
                var usage = Sum(draft.Usage, second.Usage);
                if (better)
                {
                    (kept, result) = (keptAgain with { Usage = usage }, resultAgain);
                    rewritten = warnings[^1];
                }
                else
                {
                    kept = kept with { Usage = usage };
                }
            }
        }

        var rejected = result.Problems.Count;
        if (kept.SentenceCount == 0 || rejected * 2 > result.SentencesChecked)
        {
            var first = result.Problems.FirstOrDefault()?.Reason ?? "no sentences";
            warnings.Add($"LLM output failed verification ({rejected} of {result.SentencesChecked} sentences rejected, e.g. {first}); built-in engine used");
            LogLlmRejected(logger, rejected, result.SentencesChecked);
            return new LlmOutcome(null, "verification");
        }

        warnings.AddRange(VerificationWarnings.Describe(result, "LLM"));

        return new LlmOutcome(kept, null, rewritten);
    }

    private void CountRejected(VerificationResult result)
    {
        foreach (var problem in result.Problems)
        {
            telemetry.RejectedSentences.Add(1,
                new KeyValuePair<string, object?>("rule", problem.Rule),
                new KeyValuePair<string, object?>("engine", "llm"));
        }
    }

    private static TokenUsage? Sum(TokenUsage? a, TokenUsage? b) =>
        a is null ? b : b is null ? a : new TokenUsage(a.PromptTokens + b.PromptTokens, a.CompletionTokens + b.CompletionTokens);

    /// <summary>Words for the warning, and the fallback reason tag.</summary>
    private static (string Description, string Reason) Describe(Exception ex) => ex switch
    {
        Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } code } => ($"HTTP {(int)code}", ReasonOf((int)code)),
        HttpRequestException { StatusCode: { } code } => ($"HTTP {(int)code}", ReasonOf((int)code)),
        // A streamed request's HTTP error comes straight from the OpenAI client.
        System.ClientModel.ClientResultException { Status: > 0 and var status } => ($"HTTP {status}", ReasonOf(status)),
        HttpRequestException => ("connection failed", "connection_failed"),
        Polly.CircuitBreaker.BrokenCircuitException => ("circuit open after repeated failures", "circuit_open"),
        _ => (ex.GetType().Name, "error"),
    };

    private static string ReasonOf(int status) => status switch
    {
        429 => "rate_limited",
        >= 500 => "server_error",
        _ => "http_error",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM draft rejected by the verifier: {Rejected} of {Checked} sentences failed")]
    private static partial void LogLlmRejected(ILogger logger, int rejected, int @checked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM call failed; falling back to the built-in engine")]
    private static partial void LogLlmFailed(ILogger logger, Exception exception);
}
