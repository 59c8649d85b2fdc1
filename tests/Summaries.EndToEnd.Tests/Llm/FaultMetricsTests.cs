using System.Globalization;
using System.Text.Json.Nodes;
using OpenTelemetry.Metrics;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The fault counters on the summary service's meter, read through the OpenTelemetry in-memory
/// exporter: the service hosted in-process (<see cref="InProcessSummary"/>).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FaultMetricsTests(SystemFixture system) : IAsyncLifetime
{
    private ScriptedLlmServer _llm = null!;
    private InProcessSummary? _summary;

    public async Task InitializeAsync() => _llm = await ScriptedLlmServer.StartAsync();

    [Fact]
    public async Task CreateBriefing_429ThenFallback_RetryAndFallbackCounted()
    {
        var client = Host(circuitThroughput: 100);
        _llm.Behaviour = LlmBehaviour.TooManyRequests;

        var briefing = await BriefAsync(client);

        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        var metrics = Flush();
        Assert.Equal(1, Sum(metrics, "summaries.llm.retries", ("reason", "http_429")));
        Assert.Equal(1, Sum(metrics, "summaries.briefing.fallbacks", ("reason", "rate_limited")));
        Assert.Equal(0, Sum(metrics, "summaries.llm.circuit_opens"));
    }

    [Fact]
    public async Task CreateBriefing_429ThenAnswer_RetryCountedNoFallback()
    {
        var client = Host(circuitThroughput: 100);
        _llm.Enqueue(LlmBehaviour.TooManyRequests);

        var briefing = await BriefAsync(client);

        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        var metrics = Flush();
        Assert.Equal(1, Sum(metrics, "summaries.llm.retries", ("reason", "http_429")));
        Assert.Equal(0, Sum(metrics, "summaries.briefing.fallbacks"));
    }

    [Fact]
    public async Task CreateBriefing_SentenceWithInventedName_RejectionCountedByRule()
    {
        var client = Host(circuitThroughput: 100);
        _llm.ExtraSentence = sheet => new JsonObject
        {
            ["text"] = "Angela Merkel attended the meeting.",
            ["fact_ids"] = new JsonArray((string)sheet["facts"]![0]!["id"]!),
        };

        var briefing = await BriefAsync(client);

        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        var metrics = Flush();
        // Rejected in the first answer and again in the second, which repeats it.
        Assert.Equal(2, Sum(metrics, "summaries.briefing.rejected_sentences", ("rule", "name_not_in_facts"), ("engine", "llm")));
        Assert.Equal(0, Sum(metrics, "summaries.briefing.fallbacks"));
    }

    [Fact]
    public async Task CreateBriefing_ModelKeepsFailing_CircuitOpensAndStopsCallingIt()
    {
        var client = Host(circuitThroughput: 4);
        _llm.Behaviour = LlmBehaviour.ServerError;

        await BriefAsync(client);
        await BriefAsync(client);
        var calls = _llm.Requests;
        var third = await BriefAsync(client);

        Assert.Equal(4, calls);
        Assert.Equal(calls, _llm.Requests);
        Assert.Contains("LLM unavailable (circuit open after repeated failures); built-in engine used", third.Warnings);
        var metrics = Flush();
        Assert.Equal(1, Sum(metrics, "summaries.llm.circuit_opens"));
        Assert.Equal(2, Sum(metrics, "summaries.llm.retries", ("reason", "http_500")));
        Assert.Equal(2, Sum(metrics, "summaries.briefing.fallbacks", ("reason", "server_error")));
        Assert.Equal(1, Sum(metrics, "summaries.briefing.fallbacks", ("reason", "circuit_open")));
    }

    private SummaryService.SummaryServiceClient Host(int circuitThroughput)
    {
        _summary = new InProcessSummary(system, _llm, new Dictionary<string, string>
        {
            ["Llm:TimeoutSeconds"] = "10",
            ["Llm:MaxRetries"] = "1",
            ["Llm:CircuitBreakerMinimumThroughput"] = circuitThroughput.ToString(CultureInfo.InvariantCulture),
        });
        return _summary.Client;
    }

    private async Task<Briefing> BriefAsync(SummaryService.SummaryServiceClient client)
    {
        var seed = await system.SeedArticleAsync();
        return (await client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;
    }

    private Dictionary<string, MetricSnapshot> Flush() => _summary!.FlushMetrics();

    private static long Sum(Dictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        InProcessSummary.Sum(metrics, name, tags);

    public async Task DisposeAsync()
    {
        if (_summary is not null)
        {
            await _summary.DisposeAsync();
        }

        await _llm.DisposeAsync();
    }
}
