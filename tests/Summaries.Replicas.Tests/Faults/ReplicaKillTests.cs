using System.Collections.Concurrent;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Faults;

/// <summary>
/// A replica SIGKILLed in the middle of work: nothing it acknowledged is lost, and the client's
/// retry, sent to the other replica, completes the work once.
/// </summary>
public sealed class ReplicaKillTests : OwnReplicaSystem
{
    [SkippableFact]
    public async Task StreamCreateArticles_ReplicaKilledMidStream_AckedKeptAndRetryOnOtherStoresEachOnce()
    {
        var system = System();
        const int Total = 240;
        var run = Guid.NewGuid().ToString("N")[..8];
        var acked = new ConcurrentDictionary<string, string>();

        // The first stream goes to replica 0, which is killed once some items are acknowledged.
        var call = system.IngestionAt(0).StreamCreateArticles();
        var reading = ReadAcksAsync(call.ResponseStream, acked);
        for (var n = 0; n < 80; n++)
        {
            await call.RequestStream.WriteAsync(Item(run, n));
        }

        var waitUntil = DateTime.UtcNow.AddSeconds(30);
        while (acked.Count < 40 && DateTime.UtcNow < waitUntil)
        {
            await Task.Delay(20);
        }

        Assert.True(acked.Count >= 40, $"Replica 0 acknowledged {acked.Count} of 80 items in 30 s.");
        await system.Ingestion[0]!.KillAsync();
        for (var n = 80; n < Total; n++)
        {
            try
            {
                await call.RequestStream.WriteAsync(Item(run, n));
            }
            catch (Exception ex) when (ex is RpcException or IOException or InvalidOperationException)
            {
                break;
            }
        }

        var ended = await reading;
        Assert.Contains(ended, new[] { StatusCode.Unavailable, StatusCode.Internal, StatusCode.Cancelled, StatusCode.Unknown });
        call.Dispose();
        var ackedBeforeKill = acked.ToDictionary();

        // The client resends what was not acknowledged, with the same request ids, to the other replica.
        using var retry = system.IngestionAt(1).StreamCreateArticles();
        var retryReading = ReadAcksAsync(retry.ResponseStream, acked);
        for (var n = 0; n < Total; n++)
        {
            if (!ackedBeforeKill.ContainsKey(RequestId(run, n)))
            {
                await retry.RequestStream.WriteAsync(Item(run, n));
            }
        }

        await retry.RequestStream.CompleteAsync();
        Assert.Equal(StatusCode.OK, await retryReading);

        Assert.Equal(Total, acked.Count);
        foreach (var (requestId, name) in ackedBeforeKill)
        {
            var stored = (await system.IngestionAt(1).GetArticleAsync(new GetArticleRequest { Name = name })).Article;
            Assert.EndsWith("/" + requestId.Split('-')[1], stored.Url, StringComparison.Ordinal);
        }

        Assert.Equal(Total, acked.Values.Distinct().Count());
        Assert.Equal(Total, await CountRunAsync(system, run));
    }

    [SkippableFact]
    public async Task CreateBriefing_ReplicaKilledWhileTheCallIsInFlight_RetryOnOtherReplicaAnswers()
    {
        Skip.IfNot(ProcessSignals.Supported, "SIGSTOP is needed to hold a call in flight.");
        var system = System();
        var seed = await SeedAsync(system);
        var request = new CreateBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin },
        };

        // Replica 0 accepts the call and never answers; then it dies with the call in flight.
        await ProcessSignals.StopAsync(system.Summary[0]!);
        var inFlight = system.SummaryAt(0).CreateBriefingAsync(request, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync;
        await Task.Delay(500);
        Assert.False(inFlight.IsCompleted);
        await system.Summary[0]!.KillAsync();
        var failure = await Assert.ThrowsAsync<RpcException>(() => inFlight);
        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);

        // The same request through the balanced, retrying channel lands on the live replica, every time.
        using var channel = system.SummaryChannel();
        var client = new SummaryService.SummaryServiceClient(channel);
        var answers = new List<CreateBriefingResponse>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.CreateBriefingAsync(request, deadline: DateTime.UtcNow.AddSeconds(60)));
        }

        Assert.All(answers, a => Assert.Equal(answers[0].Briefing.Name, a.Briefing.Name));
        Assert.All(answers.Skip(1), a => Assert.True(a.Briefing.Cached));
        Assert.NotEmpty(answers[0].Briefing.Sections);
    }

    private static string RequestId(string run, int n) => $"{run}-{n}";

    private static StreamCreateArticlesRequest Item(string run, int n) => new() { Article = TestArticles.Make(run, n), RequestId = RequestId(run, n) };

    private static async Task<StatusCode> ReadAcksAsync(IAsyncStreamReader<StreamCreateArticlesResponse> responses, ConcurrentDictionary<string, string> acked)
    {
        try
        {
            await foreach (var response in responses.ReadAllAsync())
            {
                Assert.Null(response.Status);
                acked[response.RequestId] = response.ArticleName;
            }

            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task<Article> SeedAsync(ReplicaSystem system)
    {
        var listed = await system.IngestionAt(1).ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 });
        var seed = listed.Articles.Single(a => a.Body.Contains("Blinken", StringComparison.Ordinal));
        return await system.AnnotatedAsync(seed.Name);
    }

    private static async Task<int> CountRunAsync(ReplicaSystem system, string run)
    {
        var count = 0;
        var request = new ListArticlesRequest { PageSize = 1000 };
        while (true)
        {
            var page = await system.IngestionAt(1).ListArticlesAsync(request);
            count += page.Articles.Count(a => a.Url.Contains("/" + run + "/", StringComparison.Ordinal));
            if (string.IsNullOrEmpty(page.NextPageToken))
            {
                return count;
            }

            request.PageToken = page.NextPageToken;
        }
    }
}
