using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>
/// The three real service processes the hostile-input suite throws everything at, shared by every
/// case (a fresh set per run, seeds loaded, built-in engine). Ingestion ends a client stream that
/// stays silent for <see cref="StreamIdleTimeout"/>.
/// </summary>
public sealed partial class HostileSystemFixture : IAsyncLifetime
{
    public static readonly TimeSpan StreamIdleTimeout = TimeSpan.FromSeconds(2);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("summaries-hostile-");
    private readonly Dictionary<ServiceProcess, GrpcChannel> _channels = [];

    public ServiceProcess Entity { get; private set; } = null!;

    public ServiceProcess Ingestion { get; private set; } = null!;

    public ServiceProcess Summary { get; private set; } = null!;

    // Own channels: the annotation of a 100,000-sentence text is larger than a channel's default 4 MB receive limit.
    public IngestionService.IngestionServiceClient IngestionClient => new(Large(Ingestion));

    public EntityService.EntityServiceClient EntityClient => new(Large(Entity));

    public SummaryService.SummaryServiceClient SummaryClient => new(Large(Summary));

    public async Task InitializeAsync()
    {
        var seeds = _data.CreateSubdirectory("seeds").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "seeds")))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        var entityPort = FreePort.Next();
        var ingestionPort = FreePort.Next();
        Entity = ServiceProcess.Start("Summaries.Entity", entityPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Entity"] = $"Data Source={Path.Combine(_data.FullName, "entity.db")}",
        });
        Ingestion = ServiceProcess.Start("Summaries.Ingestion", ingestionPort, new Dictionary<string, string>
        {
            ["ConnectionStrings__Ingestion"] = $"Data Source={Path.Combine(_data.FullName, "ingestion.db")}",
            ["Clients__EntityService__Address"] = $"http://127.0.0.1:{entityPort}",
            ["Seeds__Directory"] = seeds,
            ["Ingestion__Limits__StreamIdleTimeout"] = StreamIdleTimeout.ToString(),
            ["Ingestion__Annotation__RetryInterval"] = "00:00:01",
            // The hostile bodies take the entity service seconds on a loaded machine: wait for them rather than retry.
            ["Ingestion__Annotation__CallTimeout"] = "00:00:30",
        });
        Summary = ServiceProcess.Start("Summaries.Summary", FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(_data.FullName, "summary.db")}",
            ["Clients__IngestionAddress"] = $"http://127.0.0.1:{ingestionPort}",
            ["Clients__EntityAddress"] = $"http://127.0.0.1:{entityPort}",
        });

        var startup = TimeSpan.FromSeconds(60);
        await Task.WhenAll(
            Entity.WaitHealthyAsync(SystemFixture.EntityServiceName, startup),
            Ingestion.WaitHealthyAsync(SystemFixture.IngestionServiceName, startup),
            Summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, startup));
    }

    /// <summary>A new valid article: unique text (so it is never an exact duplicate), optional changes applied.</summary>
    public static Article NewArticle(string label, Action<Article>? change = null)
    {
        var article = new Article
        {
            Title = "Harbour reopens " + label,
            Body = $"Officials in Lisbon said on Monday that the harbour would reopen next week. “We are ready,” port director Ana Ruiz said. Ref {Guid.NewGuid():N}.",
            Source = "Hostile Input Wire",
            Language = "en",
        };
        change?.Invoke(article);
        return article;
    }

    /// <summary>The seeded example article, once loaded and annotated.</summary>
    public async Task<Article> SeedArticleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await IngestionClient.ListArticlesAsync(
                new ListArticlesRequest { Filter = "source = \"Example article (publisher not recorded)\"" });
            if (page.Articles.FirstOrDefault() is { AnnotationState: AnnotationState.Done } seed)
            {
                return seed;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The seed article was not loaded and annotated within 30 s.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Waits until an article's annotation settles (DONE or FAILED), and returns it.</summary>
    public async Task<Article> SettledAsync(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var article = (await IngestionClient.GetArticleAsync(new GetArticleRequest { Name = name })).Article;
            if (article.AnnotationState != AnnotationState.Pending || DateTime.UtcNow > deadline)
            {
                return article;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every process still running and answering SERVING for its service name.</summary>
    public async Task AssertAllServingAsync()
    {
        foreach (var (process, name) in new[]
        {
            (Ingestion, SystemFixture.IngestionServiceName),
            (Entity, SystemFixture.EntityServiceName),
            (Summary, SystemFixture.SummaryServiceName),
        })
        {
            Assert.False(process.HasExited, $"{process.Name} exited:\n{process.RecentOutput}");
            var reply = await new Health.HealthClient(process.Channel).CheckAsync(
                new HealthCheckRequest { Service = name }, deadline: DateTime.UtcNow.AddSeconds(5));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
    }

    /// <summary>Log lines at Error or Critical level, or unhandled-exception reports, from any of the processes.</summary>
    public IReadOnlyList<string> ErrorLogLines() =>
        new[] { Ingestion, Entity, Summary }
            .SelectMany(p => p.Output.Select(line => $"{p.Name}: {line}"))
            .Where(line => ErrorLevel().IsMatch(line))
            .ToList();

    private GrpcChannel Large(ServiceProcess process)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue(process, out var channel))
            {
                channel = GrpcChannel.ForAddress($"http://127.0.0.1:{process.Port}", new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
                _channels[process] = channel;
            }

            return channel;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        foreach (var service in new[] { Summary, Ingestion, Entity })
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

    [GeneratedRegex("\"LogLevel\":\"(Error|Critical)\"|Unhandled exception")]
    private static partial Regex ErrorLevel();
}

/// <summary>The hostile-input suite's running system.</summary>
[CollectionDefinition(Name)]
public sealed class HostileSystemCollection : ICollectionFixture<HostileSystemFixture>
{
    public const string Name = "hostile input";
}
