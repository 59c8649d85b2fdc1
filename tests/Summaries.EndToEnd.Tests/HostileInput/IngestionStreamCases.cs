using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>
/// Client streams that never end, are cancelled half-way, carry oversized or bad items. Whatever
/// happens, every item is stored whole or not at all, and a resend with the same request ids never
/// duplicates one.
/// </summary>
public static class IngestionStreamCases
{
    private const string Batch = "IngestionService.BatchCreateArticles";
    private const string Stream = "IngestionService.StreamCreateArticles";
    private const string Watch = "IngestionService.WatchArticles";

    public static IEnumerable<HostileCase> All() =>
    [
        BatchNeverEnds(),
        BatchPastClientDeadline(),
        BatchCancelled(),
        BatchOversizedItem(),
        BatchBadItems(),
        StreamNeverEnds(),
        StreamCancelled(),
        StreamBadItems(),
        WatchCancelled(),
    ];

    private static HostileCase BatchNeverEnds()
    {
        var items = new StreamItems("batch-never-ends", 3);
        return new("batch-never-ends", Batch, "3 items, then the client keeps the stream open without a deadline",
            StatusCode.DeadlineExceeded, new Reason("STREAM_IDLE", "idle_timeout", "2s"),
            async s =>
            {
                using var call = s.IngestionClient.BatchCreateArticles();
                foreach (var item in items.Requests)
                {
                    await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = item.Article, RequestId = item.RequestId });
                }

                await call.ResponseAsync;
            },
            s => items.AssertStoredWholeAsync(s, items.Requests.Count));
    }

    private static HostileCase BatchPastClientDeadline()
    {
        var items = new StreamItems("batch-deadline", 2);
        return new("batch-client-deadline", Batch, "2 items, then silence until the client's 1 s deadline passes",
            StatusCode.DeadlineExceeded, new TransportStatus(null, "the client's deadline"),
            async s =>
            {
                using var call = s.IngestionClient.BatchCreateArticles(deadline: DateTime.UtcNow.AddSeconds(1));
                foreach (var item in items.Requests)
                {
                    await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = item.Article, RequestId = item.RequestId });
                }

                await call.ResponseAsync;
            },
            items.ResendAndAssertEachStoredOnceAsync);
    }

    private static HostileCase BatchCancelled()
    {
        var items = new StreamItems("batch-cancelled", 4);
        return new("batch-cancelled", Batch, "4 items, then the client cancels before completing",
            StatusCode.Cancelled, new TransportStatus("cancel", "the client's cancellation"),
            async s =>
            {
                using var cts = new CancellationTokenSource();
                using var call = s.IngestionClient.BatchCreateArticles(cancellationToken: cts.Token);
                foreach (var item in items.Requests)
                {
                    await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = item.Article, RequestId = item.RequestId });
                }

                await Task.Delay(300);
                await cts.CancelAsync();
                await call.ResponseAsync;
            },
            items.ResendAndAssertEachStoredOnceAsync);
    }

    private static HostileCase BatchOversizedItem() =>
        new("batch-item-17mb", Batch, "one 17 MB item in a batch", StatusCode.ResourceExhausted,
            new TransportStatus("exceeds the maximum configured message size", "gRPC receive limit"),
            async s =>
            {
                using var call = s.IngestionClient.BatchCreateArticles();
                // The server stops reading at the length prefix, so the write may never finish; the status
                // comes with the response, and disposing the call ends the write.
                var write = call.RequestStream.WriteAsync(new BatchCreateArticlesRequest
                {
                    Article = HostileSystemFixture.NewArticle("17mb-item", a => a.Body = new string('b', 17 * 1024 * 1024)),
                });
                _ = write.ContinueWith(t => t.Exception, TaskScheduler.Default);
                await call.ResponseAsync;
            });

    private static HostileCase BatchBadItems()
    {
        var source = "hostile batch-bad-items " + Guid.NewGuid().ToString("N");
        return new("batch-bad-items", Batch, "items without an article, with a 1,000,001-character body, and one valid",
            StatusCode.OK, new Succeeds("OK; each bad item's result has ItemError INVALID_ARGUMENT with its field; the valid item is stored"),
            async s =>
            {
                using var call = s.IngestionClient.BatchCreateArticles();
                await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { RequestId = "no-article" });
                await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest
                {
                    Article = HostileSystemFixture.NewArticle("long", a => { a.Source = source; a.Body = new string('w', 1_000_001); }),
                });
                await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = HostileSystemFixture.NewArticle("ok", a => a.Source = source) });
                await call.RequestStream.CompleteAsync();
                var response = await call;

                Assert.Equal((1, 2), (response.CreatedCount, response.FailedCount));
                AssertItemError(response.Results[0].Status, "article");
                AssertItemError(response.Results[1].Status, "article.body");
                Assert.Null(response.Results[2].Status);
                var listed = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{source}\"" });
                Assert.Equal(response.Results[2].ArticleName, Assert.Single(listed.Articles).Name);
            });
    }

    private static HostileCase StreamNeverEnds()
    {
        var items = new StreamItems("stream-never-ends", 2);
        return new("stream-never-ends", Stream, "2 items, both acknowledged, then the client keeps the stream open without a deadline",
            StatusCode.DeadlineExceeded, new Reason("STREAM_IDLE", "idle_timeout", "2s"),
            async s =>
            {
                using var call = s.IngestionClient.StreamCreateArticles();
                foreach (var item in items.Requests)
                {
                    await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = item.Article, RequestId = item.RequestId });
                    Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                    Assert.NotEmpty(call.ResponseStream.Current.ArticleName);
                }

                await call.ResponseStream.MoveNext(CancellationToken.None);
            },
            s => items.AssertStoredWholeAsync(s, items.Requests.Count));
    }

    private static HostileCase StreamCancelled()
    {
        var items = new StreamItems("stream-cancelled", 3);
        var acknowledged = new List<string>();
        return new("stream-cancelled", Stream, "3 items acknowledged, then the client cancels mid-stream",
            StatusCode.Cancelled, new TransportStatus("cancel", "the client's cancellation"),
            async s =>
            {
                using var cts = new CancellationTokenSource();
                using var call = s.IngestionClient.StreamCreateArticles(cancellationToken: cts.Token);
                foreach (var item in items.Requests)
                {
                    await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = item.Article, RequestId = item.RequestId });
                    Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                    acknowledged.Add(call.ResponseStream.Current.ArticleName);
                }

                await cts.CancelAsync();
                await call.ResponseStream.MoveNext(CancellationToken.None);
            },
            async s =>
            {
                await items.AssertStoredWholeAsync(s, items.Requests.Count);
                // Every acknowledged item is there, under the name it was acknowledged with.
                foreach (var name in acknowledged)
                {
                    Assert.Equal(name, (await s.IngestionClient.GetArticleAsync(new GetArticleRequest { Name = name })).Article.Name);
                }
            });
    }

    private static HostileCase StreamBadItems()
    {
        var source = "hostile stream-bad-items " + Guid.NewGuid().ToString("N");
        return new("stream-bad-items", Stream, "items with an empty body, a NUL in the title, a `javascript:` URL, and one valid",
            StatusCode.OK, new Succeeds("OK; each bad item is acknowledged with ItemError INVALID_ARGUMENT and its field; the valid item is stored"),
            async s =>
            {
                using var call = s.IngestionClient.StreamCreateArticles();
                var sent = new[]
                {
                    HostileSystemFixture.NewArticle("empty", a => { a.Source = source; a.Body = string.Empty; }),
                    HostileSystemFixture.NewArticle("nul", a => { a.Source = source; a.Title = "a\0b"; }),
                    HostileSystemFixture.NewArticle("js", a => { a.Source = source; a.Url = "javascript:alert(1)"; }),
                    HostileSystemFixture.NewArticle("ok", a => a.Source = source),
                };
                foreach (var article in sent)
                {
                    await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = article });
                }

                await call.RequestStream.CompleteAsync();
                var acks = await call.ResponseStream.ReadAllAsync().ToListAsync();

                Assert.Equal([0, 1, 2, 3], acks.Select(a => a.Index));
                AssertItemError(acks[0].Status, "article.body");
                AssertItemError(acks[1].Status, "article.title");
                AssertItemError(acks[2].Status, "article.url");
                Assert.Null(acks[3].Status);
                var listed = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{source}\"" });
                Assert.Equal(acks[3].ArticleName, Assert.Single(listed.Articles).Name);
            });
    }

    private static HostileCase WatchCancelled() =>
        new("watch-cancelled", Watch, "a replay from cursor `0`, cancelled after the first article",
            StatusCode.Cancelled, new TransportStatus("cancel", "the client's cancellation"),
            async s =>
            {
                using var cts = new CancellationTokenSource();
                using var call = s.IngestionClient.WatchArticles(new WatchArticlesRequest { Cursor = "0" }, cancellationToken: cts.Token);
                Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
                await cts.CancelAsync();
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    // Drains what was already buffered until the cancellation surfaces.
                }
            });

    private static void AssertItemError(Google.Rpc.Status? status, string field) => ItemStatuses.AssertInvalid(status, field);
}
