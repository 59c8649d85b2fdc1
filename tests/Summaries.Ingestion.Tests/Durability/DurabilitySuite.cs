using System.Collections.Concurrent;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.Ingestion.Tests.Infrastructure.Processes;
using Xunit.Abstractions;

namespace Summaries.Ingestion.Tests.Durability;

/// <summary>
/// SIGKILL in the middle of ingest. Six clients call CreateArticle in a loop and one streams through
/// StreamCreateArticles; each records an article as acknowledged only when its OK response (or its
/// stream acknowledgement) has arrived. The process is killed while all of them are mid-flight, then
/// restarted on the same database: every acknowledged article must be there exactly as sent, and
/// every row in the database must be whole (see <see cref="StoreInspector"/>).
/// </summary>
public abstract class DurabilitySuite(ITestOutputHelper output) : IDisposable
{
    private const int AckedBeforeKill = 300;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, SentArticle> _acked = new(StringComparer.Ordinal);
    private ITestDatabase? _database;

    protected abstract ITestDatabase CreateDatabase();

    protected abstract StoreInspector Inspector(ITestDatabase database);

    /// <summary>Settings for the service process beside the connection string.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task KilledMidIngest_EveryAcknowledgedArticlePresentAndNoRowHalfWritten()
    {
        _database = CreateDatabase();
        var environment = new Dictionary<string, string>(Settings) { ["ConnectionStrings__Ingestion"] = _database.ConnectionString };
        var sent = 0;
        await using (var service = await IngestionProcess.StartAsync(environment, StartTimeout))
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var client = new IngestionService.IngestionServiceClient(service.Channel);
            var clients = Enumerable.Range(0, 6).Select(c => Task.Run(() => UnaryClientAsync(client, c, () => Interlocked.Increment(ref sent), stop.Token)))
                .Append(Task.Run(() => StreamClientAsync(client, () => Interlocked.Increment(ref sent), stop.Token)))
                .ToList();
            while (_acked.Count < AckedBeforeKill && !stop.IsCancellationRequested && clients.All(c => !c.IsCompleted))
            {
                await Task.Delay(5);
            }

            await service.KillAsync();
            await Task.WhenAll(clients);
            Assert.True(_acked.Count >= AckedBeforeKill, $"only {_acked.Count} acknowledged before the clients stopped:\n{service.RecentOutput}");
        }

        var acknowledged = _acked.Values.ToList();
        await using (var restarted = await IngestionProcess.StartAsync(environment, StartTimeout))
        {
            var client = new IngestionService.IngestionServiceClient(restarted.Channel);
            foreach (var article in acknowledged)
            {
                var stored = (await client.GetArticleAsync(new GetArticleRequest { Name = article.Name })).Article;
                Assert.Equal(article.Title, stored.Title);
                Assert.Equal(article.Body, stored.Body);
                // The request id survived too: a retry after the crash gets the same article.
                var retry = await client.CreateArticleAsync(new CreateArticleRequest { Article = article.ToProto(), RequestId = article.RequestId });
                Assert.Equal(article.Name, retry.Article.Name);
            }
        }

        var report = await Inspector(_database).InspectAsync(CancellationToken.None);
        output.WriteLine($"{_database.Provider}: {sent} sent, {acknowledged.Count} acknowledged before SIGKILL, {report.Rows} rows after restart; {string.Join("; ", report.Problems.Take(5))}");
        Assert.Empty(report.Problems);
        Assert.True(report.Rows >= acknowledged.Count);
        Assert.True(report.Rows <= sent);
    }

    private async Task UnaryClientAsync(IngestionService.IngestionServiceClient client, int clientId, Func<int> countSent, CancellationToken cancellationToken)
    {
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var article = SentArticle.Make($"unary-{clientId}-{i}");
            countSent();
            try
            {
                var response = await client.CreateArticleAsync(
                    new CreateArticleRequest { Article = article.ToProto(), RequestId = article.RequestId }, cancellationToken: cancellationToken);
                _acked[response.Article.Name] = article with { Name = response.Article.Name };
            }
            catch (RpcException)
            {
                return; // the server is gone
            }
        }
    }

    private async Task StreamClientAsync(IngestionService.IngestionServiceClient client, Func<int> countSent, CancellationToken cancellationToken)
    {
        var inFlight = new ConcurrentDictionary<int, SentArticle>();
        using var window = new SemaphoreSlim(32);
        // When the server goes, the reader ends and stops the writer, which may be waiting for window space.
        using var readerDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = client.StreamCreateArticles(cancellationToken: cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var ack in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (inFlight.TryRemove(ack.Index, out var article) && ack.Status is null)
                    {
                        _acked[ack.ArticleName] = article with { Name = ack.ArticleName };
                    }

                    window.Release();
                }
            }
            catch (RpcException)
            {
                // The server is gone.
            }
            finally
            {
                await readerDone.CancelAsync();
            }
        }, CancellationToken.None);
        try
        {
            for (var i = 0; !reader.IsCompleted; i++)
            {
                await window.WaitAsync(readerDone.Token);
                var article = SentArticle.Make($"stream-{i}");
                inFlight[i] = article;
                countSent();
                await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest { Article = article.ToProto(), RequestId = article.RequestId }, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The server is gone.
        }

        await reader;
    }
}

/// <summary>
/// On SQLite: WAL, synchronous NORMAL (the default). Band keys go to the band index every 50
/// originals, so the kill also lands between and during those batches.
/// </summary>
public sealed class SqliteDurabilityTests(ITestOutputHelper output) : DurabilitySuite(output)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Ingestion__Storage__SqliteBandBatch"] = "50" };

    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();

    protected override StoreInspector Inspector(ITestDatabase database) => new SqliteStoreInspector(database.ConnectionString);
}

/// <summary>On PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES).</summary>
public sealed class PostgresDurabilityTests(ITestOutputHelper output) : DurabilitySuite(output)
{
    protected override ITestDatabase CreateDatabase() => new PostgresTestDatabase();

    protected override StoreInspector Inspector(ITestDatabase database) => new PostgresStoreInspector(database.ConnectionString);
}
