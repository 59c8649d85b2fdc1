using Google.Rpc;
using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.Faults;

/// <summary>
/// A service dies (SIGKILL) or stops answering while another service's call to it is in flight.
/// The calling side ends its call the documented way, never hangs, and nothing is lost:
/// ingestion keeps the article PENDING and annotates it once the entity service is back; the
/// summary service answers UNAVAILABLE with RetryInfo, and a client that retries as told gets its
/// briefing once the dependency is back. Each test leaves all three services running.
/// </summary>
public sealed class MidRequestFaultTests(FaultSystem system) : IClassFixture<FaultSystem>
{
    private static readonly TimeSpan InFlight = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private const string NeedsSignals = "needs POSIX signals (SIGSTOP) to hold a call in flight";

    [SkippableFact]
    public async Task EntityKilled_WhileAnnotatingAndBriefing_ArticleStaysPendingBriefingUnavailableThenBothRecover()
    {
        Skip.IfNot(ProcessSignals.Supported, NeedsSignals);
        var source = await system.StoreAnnotatedArticleAsync("briefing-source");
        await ProcessSignals.StopAsync(system.Entity);

        // Ingestion commits the article ("Stored …" is logged just before its first annotation attempt),
        // then its annotation worker's call waits on the stopped process. (Its entity client does not log
        // each call, so the commit is the last thing it says.)
        var ingestionLines = system.Ingestion.Output.Count;
        var sent = FaultSystem.NewArticle("annotation-in-flight");
        var create = system.IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = sent }).ResponseAsync;
        await FaultSystem.WaitForLogAsync(system.Ingestion, ingestionLines, InFlight, "Stored articles/");

        // The summary service fetches the article, then its GetArticleAnnotation call waits too.
        var summaryLines = system.Summary.Output.Count;
        var briefing = system.SummaryClient.CreateBriefingAsync(Builtin(source.Name)).ResponseAsync;
        await FaultSystem.WaitForLogAsync(system.Summary, summaryLines, InFlight, "/summaries.entity.v1.EntityService/GetArticleAnnotation");
        Assert.False(create.IsCompleted || briefing.IsCompleted, "a call finished while the entity service was stopped");

        await system.Entity.KillAsync();

        // Storing never depends on the entity service: acknowledged, PENDING, with the reason.
        var stored = (await create.WaitAsync(NoHang)).Article;
        Assert.Equal(AnnotationState.Pending, stored.AnnotationState);
        Assert.Contains("Unavailable", stored.AnnotationError, StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<RpcException>(() => briefing.WaitAsync(NoHang));
        AssertUnavailable(ex, "entity", "Unavailable");

        var whileDown = (await system.IngestionClient.GetArticleAsync(new GetArticleRequest { Name = stored.Name })).Article;
        Assert.Equal((sent.Body, AnnotationState.Pending), (whileDown.Body, whileDown.AnnotationState));

        await system.RestartEntityAsync();

        // The annotation worker retries it; the entity service now holds that annotation.
        Assert.Equal(AnnotationState.Done, (await system.WaitForAnnotationAsync(stored.Name, TimeSpan.FromSeconds(60))).AnnotationState);
        var annotation = await system.EntityClient.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = stored.Name });
        Assert.Contains(annotation.Annotation.Entities, e => e.DisplayName.Contains("Ruiz", StringComparison.Ordinal));
        AssertCites(await system.CreateBriefingRetryingAsync(source.Name, TimeSpan.FromSeconds(60)), source.Name);
        AssertCites(await system.CreateBriefingRetryingAsync(stored.Name, TimeSpan.FromSeconds(60)), stored.Name);
    }

    [SkippableFact]
    public async Task EntityNeverAnswers_CreateBriefing_UnavailableAfterTheCallTimeoutThenRecovers()
    {
        Skip.IfNot(ProcessSignals.Supported, NeedsSignals);
        var source = await system.StoreAnnotatedArticleAsync("silent-entity");
        await ProcessSignals.StopAsync(system.Entity);
        try
        {
            var started = DateTime.UtcNow;
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                system.SummaryClient.CreateBriefingAsync(Builtin(source.Name)).ResponseAsync.WaitAsync(FaultSystem.SummaryCallTimeout + NoHang));

            // Its own per-call deadline ended the wait, not a hang and not the client.
            AssertUnavailable(ex, "entity", "DeadlineExceeded");
            Assert.True(DateTime.UtcNow - started >= FaultSystem.SummaryCallTimeout - TimeSpan.FromSeconds(1), $"answered after {DateTime.UtcNow - started}");
        }
        finally
        {
            await ProcessSignals.ContinueAsync(system.Entity);
        }

        AssertCites(await system.CreateBriefingRetryingAsync(source.Name, TimeSpan.FromSeconds(60)), source.Name);
    }

    [SkippableFact]
    public async Task IngestionRestarted_WhileCreateBriefingFetchesTheArticle_UnavailableWithRetryInfoThenSucceeds()
    {
        Skip.IfNot(ProcessSignals.Supported, NeedsSignals);
        var source = await system.StoreAnnotatedArticleAsync("ingestion-restart");
        var before = (await system.IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 })).Articles.Count;
        await ProcessSignals.StopAsync(system.Ingestion);

        var summaryLines = system.Summary.Output.Count;
        var briefing = system.SummaryClient.CreateBriefingAsync(Builtin(source.Name)).ResponseAsync;
        await FaultSystem.WaitForLogAsync(system.Summary, summaryLines, InFlight, "/summaries.ingestion.v1.IngestionService/GetArticle");
        Assert.False(briefing.IsCompleted, "CreateBriefing finished while the ingestion service was stopped");

        // Killed mid-call and started again: the summary channel's own retries (under a second) are
        // over before the new process listens, so the caller is told to retry.
        var restart = system.RestartIngestionAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => briefing.WaitAsync(NoHang));
        AssertUnavailable(ex, "ingestion", "Unavailable");
        await restart;

        AssertCites(await system.CreateBriefingRetryingAsync(source.Name, TimeSpan.FromSeconds(60)), source.Name);
        var after = (await system.IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 })).Articles;
        Assert.Equal(before, after.Count);
        Assert.Contains(after, a => a.Name == source.Name && a.Body == source.Body);
    }

    private static CreateBriefingRequest Builtin(string articleName) =>
        new() { ArticleNames = { articleName }, Options = new BriefingOptions { Engine = EnginePreference.Builtin, Refresh = true } };

    /// <summary>UNAVAILABLE, ErrorInfo DEPENDENCY_UNAVAILABLE naming the dependency, RetryInfo, and the downstream status in the message.</summary>
    private static void AssertUnavailable(RpcException ex, string dependency, string downstreamStatus)
    {
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal(("DEPENDENCY_UNAVAILABLE", dependency), (info?.Reason, info?.Metadata["dependency"]));
        Assert.True(status.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero, "no RetryInfo delay");
        Assert.Contains(downstreamStatus, status.Message, StringComparison.Ordinal);
    }

    private static void AssertCites(Briefing briefing, string articleName)
    {
        var sentences = briefing.Sections.SelectMany(s => s.Sentences).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.Contains(s.Citations, c => c.ArticleName == articleName));
        Assert.Empty(briefing.Warnings);
    }
}
