using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The fault counters on the summary service's meter, read through the OpenTelemetry in-memory
/// exporter: the service hosted in-process (its own resilience pipeline and circuit), on the
/// running system's ingestion and entity services and a scripted LLM of its own.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FaultMetricsTests(SystemFixture system) : IAsyncLifetime
{
    private readonly List<MetricSnapshot> _exported = [];
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"summary-metrics-{Guid.NewGuid():N}.db");
    private ScriptedLlmServer _llm = null!;
    private WebApplicationFactory<Program>? _factory;
    private GrpcChannel? _channel;

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
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", $"Data Source={_db}");
            b.UseSetting("Clients:IngestionAddress", $"http://127.0.0.1:{system.Ingestion.Port}");
            b.UseSetting("Clients:EntityAddress", $"http://127.0.0.1:{system.Entity.Port}");
            b.UseSetting("Llm:Provider", "OpenAI");
            b.UseSetting("Llm:Endpoint", _llm.Endpoint);
            b.UseSetting("Llm:Model", "scripted-model");
            b.UseSetting("Llm:ApiKey", "test-key");
            b.UseSetting("Llm:TimeoutSeconds", "10");
            b.UseSetting("Llm:MaxRetries", "1");
            b.UseSetting("Llm:CircuitBreakerMinimumThroughput", circuitThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureServices(s => s.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(_exported)));
        });
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        return new SummaryService.SummaryServiceClient(_channel);
    }

    private async Task<Briefing> BriefAsync(SummaryService.SummaryServiceClient client)
    {
        var seed = await system.SeedArticleAsync();
        return (await client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;
    }

    /// <summary>Collects every instrument now and returns the latest (cumulative) snapshot of each.</summary>
    private Dictionary<string, MetricSnapshot> Flush()
    {
        Assert.True(_factory!.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "metrics flush timed out");
        return _exported.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>The counter's total over the points carrying all the given tags; 0 when it was never recorded.</summary>
    private static long Sum(Dictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            return 0;
        }

        long total = 0;
        foreach (var point in metric.MetricPoints)
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => pointTags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value)))
            {
                total += point.GetSumLong();
            }
        }

        return total;
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _llm.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
