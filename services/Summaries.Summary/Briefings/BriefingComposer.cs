using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Balance;
using Summaries.Summary.Facts;
using Summaries.Summary.Llm;
using Summaries.Summary.Sources;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Briefings;

/// <summary>A verified draft, who wrote it and how long it took, warnings for the reader, the facts behind it, and its balance.</summary>
public sealed record ComposedBriefing(
    BriefingDraft Draft, EngineInfo Engine, TimeSpan Latency, IReadOnlyList<string> Warnings, FactSheet Facts, BalanceReport Balance);

/// <summary>The LLM writer when one is configured; empty otherwise.</summary>
public sealed record LlmWriterSlot(IBriefingWriter? Writer);

/// <summary>
/// Fact sheet → writer → verifier. The LLM writes when configured; sentences that fail
/// verification are dropped, a quoted party the LLM left out is added from the built-in engine,
/// and when the LLM fails or too little of its draft survives, the built-in engine answers and
/// the briefing says why.
/// </summary>
public sealed partial class BriefingComposer(
    FactSheetBuilder factSheetBuilder,
    BuiltInBriefingWriter builtIn,
    LlmWriterSlot llm,
    DraftVerifier verifier,
    BalanceReporter balance,
    GenAiTelemetry telemetry,
    IOptions<LlmOptions> llmOptions,
    TimeProvider time,
    ILogger<BriefingComposer> logger)
{
    /// <summary>The engine that will be tried first for these options (the cache key needs it before writing).</summary>
    public EngineInfo PlannedEngine(BriefingOptions options) =>
        llm.Writer is not null && options.Engine != EnginePreference.Builtin ? llm.Writer.Engine : builtIn.Engine;

    public async Task<ComposedBriefing> ComposeAsync(
        IReadOnlyList<SourceDocument> sources, BriefingOptions options, CancellationToken cancellationToken)
    {
        var sheet = factSheetBuilder.Build(sources);
        var request = WritingRequest.For(options.Length);
        var warnings = new List<string>();

        if (llm.Writer is not null && options.Engine != EnginePreference.Builtin)
        {
            var started = time.GetTimestamp();
            var fromLlm = await TryLlmAsync(llm.Writer, sheet, request, warnings, cancellationToken);
            if (fromLlm is not null)
            {
                var completed = AddMissingParties(fromLlm, sheet, request, warnings);
                return Composed(completed, llm.Writer.Engine, time.GetElapsedTime(started), warnings, sheet);
            }

            telemetry.Fallbacks.Add(1);
        }

        var builtInStarted = time.GetTimestamp();
        var draft = await builtIn.WriteAsync(sheet, request, cancellationToken);
        var (kept, _) = verifier.Keep(draft, sheet);
        return Composed(kept, builtIn.Engine, time.GetElapsedTime(builtInStarted), warnings, sheet);
    }

    private ComposedBriefing Composed(BriefingDraft draft, EngineInfo engine, TimeSpan latency, List<string> warnings, FactSheet sheet) =>
        new(draft, engine, latency, warnings, sheet, balance.Report(draft, sheet));

    private async Task<BriefingDraft?> TryLlmAsync(
        IBriefingWriter writer, FactSheet sheet, WritingRequest request, List<string> warnings, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(llmOptions.Value.TimeoutSeconds);
        using var timeoutCts = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        using var span = GenAiTelemetry.Source.StartActivity("chat " + writer.Engine.Model, ActivityKind.Client);
        span?.SetTag("gen_ai.operation.name", "chat");
        span?.SetTag("gen_ai.system", llmOptions.Value.Provider == LlmProvider.AzureOpenAI ? "az.ai.openai" : "openai");
        span?.SetTag("gen_ai.request.model", writer.Engine.Model);
        var started = time.GetTimestamp();
        try
        {
            var draft = await writer.WriteAsync(sheet, request, linked.Token);
            RecordUsage(draft.Usage, writer.Engine.Model, time.GetElapsedTime(started), span);
            var (kept, result) = verifier.Keep(draft, sheet);
            if (!result.IsClean)
            {
                // Asked once more, with the failures listed; the better of the two attempts is kept.
                telemetry.RejectedSentences.Add(result.Problems.Count);
                var corrections = result.Problems.Select(p => $"“{p.Sentence}”: {p.Reason}").ToList();
                var retryStarted = time.GetTimestamp();
                var second = await writer.WriteAsync(sheet, request with { Corrections = corrections }, linked.Token);
                RecordUsage(second.Usage, writer.Engine.Model, time.GetElapsedTime(retryStarted), span);
                var (keptAgain, resultAgain) = verifier.Keep(second, sheet);
                warnings.Add(resultAgain.Problems.Count < result.Problems.Count
                    ? $"the LLM was asked once more to fix {result.Problems.Count} sentence(s) that failed verification"
                    : $"the LLM's second attempt did not fix the {result.Problems.Count} sentence(s) that failed verification");
                if (resultAgain.Problems.Count < result.Problems.Count)
                {
                    (kept, result) = (keptAgain with { Usage = Sum(draft.Usage, second.Usage) }, resultAgain);
                }
                else
                {
                    kept = kept with { Usage = Sum(draft.Usage, second.Usage) };
                }
            }

            var rejected = result.Problems.Count;
            telemetry.RejectedSentences.Add(rejected);
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

        telemetry.OperationDuration.Record(time.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("gen_ai.request.model", writer.Engine.Model),
            new KeyValuePair<string, object?>("error.type", "fallback"));
        span?.SetStatus(ActivityStatusCode.Error, warnings[^1]);
        return null;
    }

    /// <summary>Every party quoted in the sources is heard: the built-in engine supplies any position the LLM left out.</summary>
    private BriefingDraft AddMissingParties(BriefingDraft draft, FactSheet sheet, WritingRequest request, List<string> warnings)
    {
        var missing = BalanceReporter.MissingParties(draft, sheet);
        if (missing.Count == 0)
        {
            return draft;
        }

        var fallback = builtIn.Write(sheet, request);
        var added = fallback.Sections.Where(s => s.PartyKey is not null && missing.Contains(s.PartyKey)).ToList();
        if (added.Count == 0)
        {
            return draft;
        }

        var names = string.Join(", ", added.Select(s => sheet.FindEntity(s.PartyKey!)?.DisplayName ?? s.PartyKey));
        warnings.Add($"the LLM left out quoted parties; the built-in engine added the position of {names}");
        var contextIndex = draft.Sections.ToList().FindIndex(s => s.Kind == SectionKind.Context);
        var sections = draft.Sections.ToList();
        sections.InsertRange(contextIndex < 0 ? sections.Count : contextIndex, added);
        return draft with { Sections = sections };
    }

    private static TokenUsage? Sum(TokenUsage? a, TokenUsage? b) =>
        a is null ? b : b is null ? a : new TokenUsage(a.PromptTokens + b.PromptTokens, a.CompletionTokens + b.CompletionTokens);

    private void RecordUsage(TokenUsage? usage, string model, TimeSpan elapsed, Activity? span)
    {
        var modelTag = new KeyValuePair<string, object?>("gen_ai.request.model", model);
        var operation = new KeyValuePair<string, object?>("gen_ai.operation.name", "chat");
        telemetry.OperationDuration.Record(elapsed.TotalSeconds, modelTag, operation);
        if (usage is null)
        {
            return;
        }

        telemetry.TokenUsage.Record(usage.PromptTokens, modelTag, operation, new("gen_ai.token.type", "input"));
        telemetry.TokenUsage.Record(usage.CompletionTokens, modelTag, operation, new("gen_ai.token.type", "output"));
        span?.SetTag("gen_ai.usage.input_tokens", usage.PromptTokens);
        span?.SetTag("gen_ai.usage.output_tokens", usage.CompletionTokens);
    }

    private static string Describe(Exception ex) => ex switch
    {
        Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } code } => $"HTTP {(int)code}",
        HttpRequestException { StatusCode: { } code } => $"HTTP {(int)code}",
        HttpRequestException => "connection failed",
        Polly.CircuitBreaker.BrokenCircuitException => "circuit open after repeated failures",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM draft rejected by the verifier: {Rejected} of {Checked} sentences failed")]
    private static partial void LogLlmRejected(ILogger logger, int rejected, int @checked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM call failed; falling back to the built-in engine")]
    private static partial void LogLlmFailed(ILogger logger, Exception exception);
}
