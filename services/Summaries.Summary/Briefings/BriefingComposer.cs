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
    BriefingDraft Draft, EngineInfo Engine, TimeSpan Latency, IReadOnlyList<string> Warnings, FactSheet Facts, Balance.BalanceReport Balance);

/// <summary>The LLM writer when one is configured; empty otherwise.</summary>
public sealed record LlmWriterSlot(IBriefingWriter? Writer);

/// <summary>
/// Fact sheet → writer → verifier. The LLM writes when configured; sentences that fail
/// verification are dropped, a quoted party the LLM left out is added from the built-in engine,
/// and when the LLM fails or too little of its draft survives, the built-in engine answers and
/// the briefing says why. With a stream, verified parts are sent as they are written.
/// </summary>
public sealed class BriefingComposer(
    FactSheetBuilder factSheetBuilder,
    BuiltInBriefingWriter builtIn,
    LlmWriterSlot llm,
    LlmAttempt llmAttempt,
    DraftVerifier verifier,
    BalanceReporter balance,
    SummaryMetrics telemetry,
    TimeProvider time)
{
    /// <summary>The engine that will be tried first for these options (the cache key needs it before writing).</summary>
    public EngineInfo PlannedEngine(BriefingOptions options) =>
        llm.Writer is not null && options.Engine != EnginePreference.Builtin ? llm.Writer.Engine : builtIn.Engine;

    /// <summary>Composes a briefing; with a <paramref name="stream"/>, its verified headline and sections go out as they are ready.</summary>
    public async Task<ComposedBriefing> ComposeAsync(
        IReadOnlyList<SourceDocument> sources, BriefingOptions options, IBriefingStream? stream, CancellationToken cancellationToken)
    {
        var sheet = factSheetBuilder.Build(sources, cancellationToken);
        var request = WritingRequest.For(options.Length.ToDraftLength());
        var warnings = new List<string>();
        var progress = new BriefingProgress(stream, sheet);

        if (llm.Writer is not null && options.Engine != EnginePreference.Builtin)
        {
            var started = time.GetTimestamp();
            var outcome = await llmAttempt.RunAsync(llm.Writer, sheet, request, warnings, progress, cancellationToken);
            if (outcome.Draft is { } fromLlm)
            {
                var completed = AddMissingParties(fromLlm, sheet, request, warnings, cancellationToken);
                await progress.SettleAsync(completed, WriterKind.Llm, outcome.Rewritten ?? "the LLM revised its briefing", cancellationToken);
                return Composed(completed, llm.Writer.Engine, time.GetElapsedTime(started), warnings, sheet);
            }

            telemetry.Fallbacks.Add(1, new KeyValuePair<string, object?>("reason", outcome.FallbackReason));
        }

        var builtInStarted = time.GetTimestamp();
        var draft = await builtIn.WriteAsync(sheet, request, cancellationToken);
        // The writer and the verifier look at the caller's deadline as they go, so a call past it
        // stops instead of running on.
        var (kept, result) = verifier.Keep(draft, sheet, cancellationToken);
        foreach (var problem in result.Problems)
        {
            telemetry.RejectedSentences.Add(1,
                new KeyValuePair<string, object?>("rule", problem.Rule),
                new KeyValuePair<string, object?>("engine", "builtin"));
        }

        warnings.AddRange(VerificationWarnings.Describe(result, "built-in"));

        await progress.SettleAsync(kept, WriterKind.Builtin, warnings.LastOrDefault() ?? "built-in engine used", cancellationToken);
        return Composed(kept, builtIn.Engine, time.GetElapsedTime(builtInStarted), warnings, sheet);
    }

    private ComposedBriefing Composed(BriefingDraft draft, EngineInfo engine, TimeSpan latency, List<string> warnings, FactSheet sheet) =>
        new(draft, engine, latency, warnings, sheet, balance.Report(draft, sheet));

    /// <summary>
    /// The parties the length has room for are heard (<see cref="VoicePlan"/>): the built-in engine
    /// supplies any planned position the LLM left out, and the draft is held to its sentence budget.
    /// Sections read what happened and positions first, then context, so an added position comes
    /// before the context (and after everything a stream has already sent).
    /// </summary>
    private BriefingDraft AddMissingParties(BriefingDraft draft, FactSheet sheet, WritingRequest request, List<string> warnings, CancellationToken cancellationToken)
    {
        var plan = VoicePlan.For(sheet, request);
        var missing = BalanceReporter.MissingParties(draft, plan.Heard.Select(p => p.Key));
        var added = new List<DraftSection>();
        if (missing.Count > 0)
        {
            var fallback = builtIn.Write(sheet, request, cancellationToken);
            added = fallback.Sections.Where(s => s.PartyKey is not null && missing.Contains(s.PartyKey)).Select(s => s with { Sentences = s.Sentences.Take(1).ToList() }).ToList();
        }

        if (added.Count > 0)
        {
            var names = string.Join(", ", added.Select(s => sheet.FindEntity(s.PartyKey!)?.DisplayName ?? s.PartyKey));
            warnings.Add($"the LLM left out quoted parties; the built-in engine added the position of {names}");
        }

        var sections = draft.Sections.Where(s => s.Kind != DraftSectionKind.Context)
            .Concat(added)
            .Concat(draft.Sections.Where(s => s.Kind == DraftSectionKind.Context))
            .ToList();
        var (within, dropped) = DraftBudget.Trim(draft with { Sections = sections }, plan.Budget);
        if (dropped > 0)
        {
            warnings.Add($"the briefing ran {dropped} sentence(s) past its length of {plan.Budget}; the last context and second sentences were left out");
        }

        return within;
    }
}
