using OpenTelemetry;
using OpenTelemetry.Metrics;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

/// <summary>The outbox backlog gauge and the attempts counter, read the way a collector reads them.</summary>
[Collection(MetricsCollection.Name)]
public sealed class AnnotationBacklogMetricTests : IDisposable
{
    private readonly DomainHarness _harness = new(new Dictionary<string, string?>
    {
        ["Ingestion:Annotation:RetryInterval"] = "00:00:00.050",
    });

    private readonly List<MetricSnapshot> _exported = [];
    private readonly MeterProvider _meters;

    public AnnotationBacklogMetricTests() =>
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(IngestionTelemetry.Name).AddInMemoryExporter(_exported).Build();

    public void Dispose()
    {
        _meters.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task Backlog_EntityServiceDownThenBack_RisesThenFallsToZero()
    {
        var worker = _harness.Worker;
        var created = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await _harness.Articles.CreateAsync(TestArticles.Command(i), CancellationToken.None)).Article.Id);
        }

        // The entity service is down, except that it rejects one article outright: FAILED at once, never retried.
        var rejected = created[3];
        _harness.Annotator.FailArticle = a => a.Id == rejected
            ? new AnnotationFailure("entity service: InvalidArgument: text", Permanent: true, TimedOut: false)
            : FakeAnnotator.Refused;
        Assert.Equal(4, await worker.RunOnceAsync(CancellationToken.None));

        await worker.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal((3L, 1L), await WaitForBacklogAsync(b => b.Pending == 3));

            // Back: once the articles are due, the worker's passes annotate them.
            _harness.Annotator.FailArticle = null;
            _harness.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal((0L, 1L), await WaitForBacklogAsync(b => b.Pending == 0));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        var attempts = Points("summaries.ingestion.annotation.attempts");
        Assert.Equal(3, attempts.GetValueOrDefault("attempt=first,outcome=pending"));
        Assert.Equal(1, attempts.GetValueOrDefault("attempt=first,outcome=failed"));
        Assert.Equal(3, attempts.GetValueOrDefault("attempt=retry,outcome=done"));
    }

    [Fact]
    public void Backlog_NeverCounted_NoPoints()
    {
        _meters.ForceFlush();

        Assert.Empty(Points(IngestionTelemetry.BacklogInstrument));
    }

    private async Task<(long Pending, long Failed)> WaitForBacklogAsync(Func<(long Pending, long Failed), bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var points = Points(IngestionTelemetry.BacklogInstrument);
            if (points.TryGetValue("state=pending", out var pending) && points.TryGetValue("state=failed", out var failed)
                && condition((pending, failed)))
            {
                return (pending, failed);
            }

            Assert.True(DateTime.UtcNow < deadline, $"backlog never reached the expected value; last seen: {string.Join("; ", points)}");
            await Task.Delay(50);
        }
    }

    /// <summary>The latest exported value of each point of an instrument, keyed by its tags in key order ("k=v,k=v").</summary>
    private Dictionary<string, long> Points(string instrument)
    {
        _exported.Clear();
        _meters.ForceFlush();
        var points = new Dictionary<string, long>();
        foreach (var metric in _exported.Where(m => m.Name == instrument))
        {
            foreach (var point in metric.MetricPoints)
            {
                var tags = new List<string>();
                foreach (var tag in point.Tags)
                {
                    tags.Add($"{tag.Key}={tag.Value}");
                }

                tags.Sort(StringComparer.Ordinal);
                points[string.Join(",", tags)] = metric.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetSumLong();
            }
        }

        return points;
    }
}
