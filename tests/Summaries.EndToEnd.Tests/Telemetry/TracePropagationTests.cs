using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Telemetry;

/// <summary>
/// One trace id spans the calls between services. The client starts a trace (W3C traceparent);
/// each process logs every request with its TraceId in the log scope, which the test reads.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TracePropagationTests(SystemFixture system)
{
    [Fact]
    public async Task CreateArticle_WithTraceparent_EntityAnnotationSharesTraceId()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        await system.IngestionClient.CreateArticleAsync(
            new CreateArticleRequest
            {
                Article = new Article { Title = "Trace test", Body = "Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Tuesday. “We agree,” Mr Scholz said." },
                RequestId = "trace-" + traceId,
            },
            Traceparent(traceId));

        await AssertLoggedAsync(system.Ingestion, traceId, "/summaries.ingestion.v1.IngestionService/CreateArticle");
        // The ingestion service's annotation worker sends it, continuing the create's trace.
        await AssertLoggedAsync(system.Entity, traceId, "/summaries.entity.v1.EntityService/BatchAnnotateArticles");
    }

    [Fact]
    public async Task CreateBriefing_WithTraceparent_IngestionAndEntityCallsShareTraceId()
    {
        var seed = await system.SeedArticleAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        await system.SummaryClient.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Engine = EnginePreference.Builtin } },
            Traceparent(traceId));

        await AssertLoggedAsync(system.Summary, traceId, "/summaries.summary.v1.SummaryService/CreateBriefing");
        await AssertLoggedAsync(system.Ingestion, traceId, "/summaries.ingestion.v1.IngestionService/GetArticle");
        await AssertLoggedAsync(system.Entity, traceId, "/summaries.entity.v1.EntityService/GetArticleAnnotation");
    }

    private static Metadata Traceparent(string traceId) =>
        new() { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } };

    private static async Task AssertLoggedAsync(ServiceProcess service, string traceId, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (service.Output.Any(line => Matches(line, traceId, path)))
            {
                return;
            }

            await Task.Delay(100);
        }

        var sample = string.Join('\n', service.Output.Where(l => l.Contains(path, StringComparison.Ordinal)).TakeLast(3));
        Assert.Fail($"{service.Name} logged no request to {path} in trace {traceId}. Requests to that path:\n{sample}");
    }

    private static bool Matches(string line, string traceId, string path)
    {
        if (!line.StartsWith('{') || !line.Contains(traceId, StringComparison.Ordinal))
        {
            return false;
        }

        using var doc = JsonDocument.Parse(line);
        if (!doc.RootElement.TryGetProperty("Scopes", out var scopes) || scopes.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var sawTrace = false;
        var sawPath = false;
        foreach (var scope in scopes.EnumerateArray())
        {
            sawTrace |= scope.TryGetProperty("TraceId", out var t) && t.GetString() == traceId;
            sawPath |= scope.TryGetProperty("RequestPath", out var p) && p.GetString() == path;
        }

        return sawTrace && sawPath;
    }
}
