using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole system as separate processes on loopback: entity, ingestion (loading a copy of
/// seeds/), and summary pointed at a scripted OpenAI-compatible LLM. Shared by the tests of one
/// collection, which run one at a time.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string IngestionServiceName = "summaries.ingestion.v1.IngestionService";
    public const string EntityServiceName = "summaries.entity.v1.EntityService";
    public const string SummaryServiceName = "summaries.summary.v1.SummaryService";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "summaries-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public ScriptedLlmServer Llm { get; private set; } = null!;

    public ServiceProcess Entity { get; private set; } = null!;

    public ServiceProcess Ingestion { get; private set; } = null!;

    public ServiceProcess Summary { get; private set; } = null!;

    public IngestionService.IngestionServiceClient IngestionClient => new(Ingestion.Channel);

    public EntityService.EntityServiceClient EntityClient => new(Entity.Channel);

    public SummaryService.SummaryServiceClient SummaryClient => new(Summary.Channel);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        var seeds = Path.Combine(_dataDir, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "seeds")))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        Llm = await ScriptedLlmServer.StartAsync();
        var entityPort = FreePort.Next();
        var ingestionPort = FreePort.Next();
        var summaryPort = FreePort.Next();

        Entity = ServiceProcess.Start("Summaries.Entity", entityPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Entity"] = $"Data Source={Path.Combine(_dataDir, "entity.db")}",
        });
        Ingestion = ServiceProcess.Start("Summaries.Ingestion", ingestionPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Ingestion"] = $"Data Source={Path.Combine(_dataDir, "ingestion.db")}",
            ["Clients__EntityService__Address"] = $"http://127.0.0.1:{entityPort}",
            ["Seeds__Directory"] = seeds,
        });
        Summary = ServiceProcess.Start("Summaries.Summary", summaryPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(_dataDir, "summary.db")}",
            ["Clients__IngestionAddress"] = $"http://127.0.0.1:{ingestionPort}",
            ["Clients__EntityAddress"] = $"http://127.0.0.1:{entityPort}",
            ["Llm__Provider"] = "OpenAI",
            ["Llm__Endpoint"] = Llm.Endpoint,
            ["Llm__Model"] = "scripted-model",
            ["Llm__ApiKey"] = "test-key",
            ["Llm__TimeoutSeconds"] = "3",
            ["Llm__MaxRetries"] = "1",
        });

        var startup = TimeSpan.FromSeconds(60);
        await Task.WhenAll(
            Entity.WaitHealthyAsync(EntityServiceName, startup),
            Ingestion.WaitHealthyAsync(IngestionServiceName, startup),
            Summary.WaitHealthyAsync(SummaryServiceName, startup));
    }

    /// <summary>The article once the entity service has annotated it; a timeout after 20 s.</summary>
    public async Task<Article> AnnotatedAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var article = (await IngestionClient.GetArticleAsync(new GetArticleRequest { Name = name })).Article;
            if (article.AnnotationState == AnnotationState.Done)
            {
                return article;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{name} was not annotated within 20 s; state: {article.AnnotationState}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The seeded example article, once ingestion has loaded and the entity service annotated it.</summary>
    public async Task<Article> SeedArticleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 100 });
            var seed = page.Articles.FirstOrDefault(a => a.Body.Contains("Blinken", StringComparison.Ordinal));
            if (seed is { AnnotationState: AnnotationState.Done })
            {
                return seed;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The seed article was not loaded and annotated within 30 s; state: " + seed?.AnnotationState);
            }

            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { Summary, Ingestion, Entity })
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }

        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>Tests sharing one running system.</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "running system";
}
