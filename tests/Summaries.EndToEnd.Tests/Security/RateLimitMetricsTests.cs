using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>
/// Rate-limited calls as an operator sees them: the summary service hosted in-process with a small
/// per-client limit, its metrics read through the OpenTelemetry in-memory exporter.
/// </summary>
public sealed class RateLimitMetricsTests : IAsyncLifetime
{
    private readonly List<Metric> _exported = [];
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"summary-ratelimit-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<Program> _factory;

    public RateLimitMetricsTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", $"Data Source={_db}");
            b.UseSetting("RateLimits:Enabled", "true");
            b.UseSetting("RateLimits:PermitLimit", "2");
            b.UseSetting("RateLimits:Window", "00:01:00");
            b.ConfigureServices(s => s.AddOpenTelemetry().WithMetrics(m => m.AddInMemoryExporter(_exported)));
        });
    }

    [Fact]
    public async Task ListBriefings_OverTheLimit_RefusedCallsCountedOnTheServiceMeter()
    {
        using var channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        var client = new SummaryService.SummaryServiceClient(channel);
        var refused = 0;
        for (var i = 0; i < 5; i++)
        {
            try
            {
                await client.ListBriefingsAsync(new ListBriefingsRequest { PageSize = 1 });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                refused++;
            }
        }

        Assert.Equal(3, refused);
        Assert.True(_factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "metrics flush timed out");
        var metric = _exported.Last(m => m.Name == "summaries.rate_limit.rejected");
        long total = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            Assert.Equal("summaries.summary.v1.SummaryService", tags["rpc.service"]);
            total += point.GetSumLong();
        }

        Assert.Equal(3, total);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
