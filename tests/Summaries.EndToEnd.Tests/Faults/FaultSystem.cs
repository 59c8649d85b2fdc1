using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Faults;

/// <summary>
/// The three services as processes on fixed loopback ports and data files, so a test can freeze
/// one (SIGSTOP: it accepts calls and never answers), kill it (SIGKILL) and start it again where it
/// was. Each test class gets its own.
/// </summary>
public sealed class FaultSystem : IAsyncLifetime
{
    /// <summary>The summary service's deadline for each call to another service.</summary>
    public static readonly TimeSpan SummaryCallTimeout = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("summaries-faults-");
    private readonly int _entityPort = FreePort.Next();
    private readonly int _ingestionPort = FreePort.Next();
    private readonly int _summaryPort = FreePort.Next();

    public ServiceProcess Entity { get; private set; } = null!;

    public ServiceProcess Ingestion { get; private set; } = null!;

    public ServiceProcess Summary { get; private set; } = null!;

    public IngestionService.IngestionServiceClient IngestionClient => new(Ingestion.Channel);

    public EntityService.EntityServiceClient EntityClient => new(Entity.Channel);

    public SummaryService.SummaryServiceClient SummaryClient => new(Summary.Channel);

    public async Task InitializeAsync()
    {
        Entity = StartEntity();
        Ingestion = StartIngestion();
        Summary = ServiceProcess.Start("Summaries.Summary", _summaryPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(_data.FullName, "summary.db")}",
            ["Clients__IngestionAddress"] = $"http://127.0.0.1:{_ingestionPort}",
            ["Clients__EntityAddress"] = $"http://127.0.0.1:{_entityPort}",
            ["Clients__CallTimeout"] = SummaryCallTimeout.ToString(),
        });
        await Task.WhenAll(
            Entity.WaitHealthyAsync(SystemFixture.EntityServiceName, Startup),
            Ingestion.WaitHealthyAsync(SystemFixture.IngestionServiceName, Startup),
            Summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, Startup));
    }

    /// <summary>Kills the entity process (if still running) and starts a new one on the same port and database.</summary>
    public async Task RestartEntityAsync()
    {
        await Entity.DisposeAsync();
        Entity = StartEntity();
        await Entity.WaitHealthyAsync(SystemFixture.EntityServiceName, Startup);
    }

    /// <summary>Kills the ingestion process (if still running) and starts a new one on the same port and database.</summary>
    public async Task RestartIngestionAsync()
    {
        await Ingestion.DisposeAsync();
        Ingestion = StartIngestion();
        await Ingestion.WaitHealthyAsync(SystemFixture.IngestionServiceName, Startup);
    }

    /// <summary>Stores an article with a text of its own and waits until it is annotated.</summary>
    public async Task<Article> StoreAnnotatedArticleAsync(string label)
    {
        var created = (await IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = NewArticle(label) })).Article;
        var article = await WaitForAnnotationAsync(created.Name, TimeSpan.FromSeconds(30));
        Assert.Equal(AnnotationState.Done, article.AnnotationState);
        return article;
    }

    public static Article NewArticle(string label) => new()
    {
        Title = "Port talks " + label,
        Body = $"Port director Ana Ruiz met union leader Tomas Berg in Lisbon on Monday. “We will reopen the harbour next week,” Ms Ruiz said. Mr Berg said the workers wanted guarantees first. Ref {Guid.NewGuid():N}.",
        Source = "Fault Wire " + label,
    };

    /// <summary>Polls until the article is no longer PENDING, or the time is up; returns it either way.</summary>
    public async Task<Article> WaitForAnnotationAsync(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var article = (await IngestionClient.GetArticleAsync(new GetArticleRequest { Name = name })).Article;
            if (article.AnnotationState != AnnotationState.Pending || DateTime.UtcNow > deadline)
            {
                return article;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Calls CreateBriefing until it succeeds, waiting what each UNAVAILABLE's RetryInfo asks, as a
    /// client honouring the documented contract does.
    /// </summary>
    public async Task<Briefing> CreateBriefingRetryingAsync(string articleName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return (await SummaryClient.CreateBriefingAsync(
                    new CreateBriefingRequest { ArticleNames = { articleName }, Options = new() { Engine = EnginePreference.Builtin } },
                    deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                var retry = ex.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>();
                Assert.NotNull(retry);
                await Task.Delay(retry.RetryDelay.ToTimeSpan());
            }
        }
    }

    /// <summary>Waits until <paramref name="process"/> logs a line containing every fragment, after its first <paramref name="skip"/> lines.</summary>
    public static async Task WaitForLogAsync(ServiceProcess process, int skip, TimeSpan timeout, params string[] fragments)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!process.Output.Skip(skip).Any(line => fragments.All(f => line.Contains(f, StringComparison.Ordinal))))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{process.Name} did not log {string.Join(" + ", fragments)} within {timeout}:\n{process.RecentOutput}");
            await Task.Delay(50);
        }
    }

    private ServiceProcess StartEntity() => ServiceProcess.Start("Summaries.Entity", _entityPort, new Dictionary<string, string>
    {
        ["ConnectionStrings__Entity"] = $"Data Source={Path.Combine(_data.FullName, "entity.db")}",
    });

    private ServiceProcess StartIngestion() => ServiceProcess.Start("Summaries.Ingestion", _ingestionPort, new Dictionary<string, string>
    {
        ["ConnectionStrings__Ingestion"] = $"Data Source={Path.Combine(_data.FullName, "ingestion.db")}",
        ["Clients__EntityService__Address"] = $"http://127.0.0.1:{_entityPort}",
        ["Seeds__Enabled"] = "false",
        // Long enough that a frozen entity service is still holding the call when it is killed, and
        // that CreateArticle is still waiting for it then (it would otherwise answer PENDING after 1 s).
        ["Ingestion__Annotation__CallTimeout"] = "00:00:20",
        ["Ingestion__Annotation__CreateWait"] = "00:00:20",
        ["Ingestion__Annotation__RetryInterval"] = "00:00:01",
        ["Ingestion__Annotation__MaxBackoff"] = "00:00:02",
    });

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { Summary, Ingestion, Entity })
        {
            if (service is not null)
            {
                await ProcessSignals.ContinueAsync(service);
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
