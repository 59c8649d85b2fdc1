using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Deadlines that have passed or pass mid-call, and calls the client cancels, on each service.</summary>
public static class DeadlineCases
{
    private static readonly TransportStatus ClientDeadline = new(null, "the client's deadline");
    private static readonly TransportStatus ClientCancel = new("cancel", "the client's cancellation");

    public static IEnumerable<HostileCase> All() =>
    [
        CreatePastDeadline(),
        new("annotate-deadline-mid-call", "EntityService.AnnotateText", "a 900 KB text under a 20 ms deadline",
            StatusCode.DeadlineExceeded, ClientDeadline,
            s => s.EntityClient.AnnotateTextAsync(
                new AnnotateTextRequest { Text = string.Concat(Enumerable.Repeat("Ana Ruiz met Xi Jinping. ", 36_000)) },
                deadline: DateTime.UtcNow.AddMilliseconds(20)).ResponseAsync),
        new("briefing-deadline-mid-call", "SummaryService.CreateBriefing", "a fresh briefing of the seed under a 5 ms deadline",
            StatusCode.DeadlineExceeded, ClientDeadline,
            async s =>
            {
                var seed = await s.SeedArticleAsync();
                await s.SummaryClient.CreateBriefingAsync(
                    new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new() { Refresh = true, Engine = EnginePreference.Builtin } },
                    deadline: DateTime.UtcNow.AddMilliseconds(5));
            }),
        new("stream-briefing-cancelled", "SummaryService.StreamBriefing", "cancelled by the client while the briefing is being written",
            StatusCode.Cancelled, ClientCancel,
            async s =>
            {
                var seed = await s.SeedArticleAsync();
                using var cts = new CancellationTokenSource();
                using var call = s.SummaryClient.StreamBriefing(
                    new StreamBriefingRequest { ArticleNames = { seed.Name }, Options = new() { Refresh = true, Engine = EnginePreference.Builtin } },
                    cancellationToken: cts.Token);
                await cts.CancelAsync();
                await call.ResponseStream.MoveNext(CancellationToken.None);
            }),
    ];

    private static HostileCase CreatePastDeadline()
    {
        var source = "hostile create-past-deadline " + Guid.NewGuid().ToString("N");
        return new("create-past-deadline", "IngestionService.CreateArticle", "a deadline that passed a second before the call",
            StatusCode.DeadlineExceeded, ClientDeadline,
            s => s.IngestionClient.CreateArticleAsync(
                new CreateArticleRequest { Article = HostileSystemFixture.NewArticle("deadline", a => a.Source = source) },
                deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync,
            async s =>
            {
                var listed = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{source}\"" });
                Assert.Empty(listed.Articles);
            });
    }
}
