using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Summaries.Summary.Llm;

/// <summary>
/// The summary service's spans and metrics. LLM calls follow the OpenTelemetry GenAI semantic
/// conventions (gen_ai.client.token.usage, gen_ai.client.operation.duration, gen_ai.* attributes);
/// fault counters use the summaries.* names.
/// </summary>
public sealed class GenAiTelemetry : IDisposable
{
    public const string Name = "Summaries.Summary";

    private readonly Meter _meter = new(Name);

    public GenAiTelemetry()
    {
        TokenUsage = _meter.CreateHistogram<int>("gen_ai.client.token.usage", "{token}", "Tokens used by LLM calls.");
        OperationDuration = _meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Duration of LLM calls.");
        Fallbacks = _meter.CreateCounter<long>(
            "summaries.briefing.fallbacks", "{briefing}", "Briefings the built-in engine wrote because the LLM failed; tag reason.");
        RejectedSentences = _meter.CreateCounter<long>(
            "summaries.briefing.rejected_sentences", "{sentence}", "Draft sentences (and headlines) the verifier rejected, per attempt; tags rule and engine.");
        LlmRetries = _meter.CreateCounter<long>(
            "summaries.llm.retries", "{retry}", "LLM requests retried after a 429, 5xx or connection failure; tag reason.");
        CircuitOpens = _meter.CreateCounter<long>(
            "summaries.llm.circuit_opens", "{open}", "Times the circuit breaker stopped calls to a failing LLM.");
        CacheHits = _meter.CreateCounter<long>("summaries.briefing.cache_hits", "{briefing}", "Briefings served from the cache.");
    }

    public static ActivitySource Source { get; } = new(Name);

    public Histogram<int> TokenUsage { get; }

    public Histogram<double> OperationDuration { get; }

    public Counter<long> Fallbacks { get; }

    public Counter<long> RejectedSentences { get; }

    public Counter<long> CacheHits { get; }

    public Counter<long> LlmRetries { get; }

    public Counter<long> CircuitOpens { get; }

    public void Dispose() => _meter.Dispose();
}
