using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The summary service hosted in-process (its own resilience pipeline, circuit and chat client) on
/// the running system's ingestion and entity services and a scripted LLM of its own, with the
/// OpenTelemetry in-memory exporter beside the service's own telemetry: what it exports is what an
/// OTLP collector would receive.
/// </summary>
public sealed class InProcessSummary : IAsyncDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"summary-telemetry-{Guid.NewGuid():N}.db");
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<Activity> _spans = [];
    private readonly WebApplicationFactory<Program> _factory;
    private readonly GrpcChannel _channel;

    public InProcessSummary(SystemFixture system, ScriptedLlmServer llm, IReadOnlyDictionary<string, string> settings)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", $"Data Source={_db}");
            b.UseSetting("Clients:IngestionAddress", $"http://127.0.0.1:{system.Ingestion.Port}");
            b.UseSetting("Clients:EntityAddress", $"http://127.0.0.1:{system.Entity.Port}");
            b.UseSetting("Llm:Provider", "OpenAI");
            b.UseSetting("Llm:Endpoint", llm.Endpoint);
            b.UseSetting("Llm:Model", "scripted-model");
            b.UseSetting("Llm:ApiKey", "test-key");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureServices(s => s.AddOpenTelemetry()
                .WithMetrics(m => m.AddInMemoryExporter(_metrics))
                .WithTracing(t => t.AddInMemoryExporter(_spans)));
        });
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Client = new SummaryService.SummaryServiceClient(_channel);
    }

    public SummaryService.SummaryServiceClient Client { get; }

    /// <summary>Collects every instrument now and returns the latest (cumulative) snapshot of each.</summary>
    public Dictionary<string, MetricSnapshot> FlushMetrics()
    {
        Assert.True(_factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "metrics flush timed out");
        return _metrics.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>Every span ended so far.</summary>
    public IReadOnlyList<Activity> FlushSpans()
    {
        Assert.True(_factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "traces flush timed out");
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    /// <summary>The points of a metric carrying all the given tags; none when it was never recorded.</summary>
    public static IEnumerable<MetricPoint> Points(Dictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            yield break;
        }

        foreach (var point in metric.MetricPoints)
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => pointTags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value)))
            {
                yield return point;
            }
        }
    }

    /// <summary>A counter's total over the points carrying all the given tags; 0 when it was never recorded.</summary>
    public static long Sum(Dictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _factory.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
