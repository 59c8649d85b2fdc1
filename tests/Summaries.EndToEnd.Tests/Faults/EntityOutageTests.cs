using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Faults;

/// <summary>
/// The real entity service process is stopped during a 1,000-article batch and started again
/// 30 s later: every article is accepted and stored while it is down, and all are annotated after.
/// </summary>
public sealed class EntityOutageTests : IAsyncLifetime
{
    private const int Articles = 1_000;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("summaries-outage-");
    private readonly int _entityPort = FreePort.Next();
    private ServiceProcess? _entity;
    private ServiceProcess? _ingestion;

    public async Task InitializeAsync()
    {
        _entity = StartEntity();
        _ingestion = ServiceProcess.Start("Summaries.Ingestion", FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Ingestion"] = $"Data Source={Path.Combine(_data.FullName, "ingestion.db")}",
            ["Clients__EntityService__Address"] = $"http://127.0.0.1:{_entityPort}",
            ["Seeds__Enabled"] = "false",
            ["Ingestion__Annotation__RetryInterval"] = "00:00:01",
            ["Ingestion__Annotation__MaxBackoff"] = "00:00:05",
            ["Ingestion__Annotation__BatchSize"] = "200",
        });
        await Task.WhenAll(
            _entity.WaitHealthyAsync(SystemFixture.EntityServiceName, TimeSpan.FromSeconds(60)),
            _ingestion.WaitHealthyAsync(SystemFixture.IngestionServiceName, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task BatchCreateArticles_EntityServiceStoppedThenBackAfter30s_AllStoredThenAllAnnotated()
    {
        var client = new IngestionService.IngestionServiceClient(_ingestion!.Channel);
        using var call = client.BatchCreateArticles();
        for (var i = 0; i < Articles; i++)
        {
            if (i == 100)
            {
                // The entity service goes down mid-batch.
                await _entity!.DisposeAsync();
            }

            await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest
            {
                Article = new Article
                {
                    Title = $"Council vote {i}",
                    Body = $"Mayor Anna Schmidt of Springfield said on Monday that the council approved budget number {i}. “We kept our promise,” Ms Schmidt said.",
                },
                RequestId = $"outage-{i}",
            });
        }

        await call.RequestStream.CompleteAsync();
        var batch = await call;
        Assert.Equal(Articles, batch.CreatedCount);
        Assert.Equal(0, batch.FailedCount);
        var whileDown = await ListAllAsync(client);
        Assert.Equal(Articles, whileDown.Count);
        Assert.Contains(whileDown, a => a.AnnotationState == AnnotationState.Pending);

        await Task.Delay(TimeSpan.FromSeconds(30));
        _entity = StartEntity();
        await _entity.WaitHealthyAsync(SystemFixture.EntityServiceName, TimeSpan.FromSeconds(60));

        var deadline = DateTime.UtcNow.AddSeconds(120);
        List<Article> all;
        do
        {
            await Task.Delay(1000);
            all = await ListAllAsync(client);
        }
        while (all.Any(a => a.AnnotationState != AnnotationState.Done) && DateTime.UtcNow < deadline);

        Assert.Equal(Articles, all.Count);
        Assert.All(all, a => Assert.Equal(AnnotationState.Done, a.AnnotationState));
    }

    private ServiceProcess StartEntity() => ServiceProcess.Start("Summaries.Entity", _entityPort, new Dictionary<string, string>
    {
        ["ConnectionStrings__Entity"] = $"Data Source={Path.Combine(_data.FullName, "entity.db")}",
    });

    private static async Task<List<Article>> ListAllAsync(IngestionService.IngestionServiceClient client)
    {
        var all = new List<Article>();
        var token = string.Empty;
        do
        {
            var page = await client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1000, PageToken = token });
            all.AddRange(page.Articles);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { _ingestion, _entity })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
