using System.Diagnostics.Metrics;

namespace Summaries.Summary.Llm;

/// <summary>
/// The summary service's own counters (summaries.* names): fallbacks, rejected sentences, retries,
/// circuit opens, cache hits. The LLM calls' spans and gen_ai.* metrics are not here: the chat
/// client's OpenTelemetry instrumentation writes them (<see cref="KernelFactory"/>).
/// </summary>
public sealed class SummaryMetrics : IDisposable
{
    public const string Name = "Summaries.Summary";

    private readonly Meter _meter = new(Name);

    public SummaryMetrics()
    {
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

    public Counter<long> Fallbacks { get; }

    public Counter<long> RejectedSentences { get; }

    public Counter<long> CacheHits { get; }

    public Counter<long> LlmRetries { get; }

    public Counter<long> CircuitOpens { get; }

    public void Dispose() => _meter.Dispose();
}
