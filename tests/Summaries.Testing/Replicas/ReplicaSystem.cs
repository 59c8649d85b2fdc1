using Grpc.Net.Client;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.Testing.Replicas;

/// <summary>
/// Several processes of each service on one real PostgreSQL server, each service in a schema of its
/// own (as production gives each its own database). Every client, the services' own included, is
/// spread over all replicas of the service it calls (a <c>static:///</c> replica list, balanced
/// round robin as a headless Service's <c>dns:///</c> name is in production).
/// </summary>
public sealed class ReplicaSystem : IAsyncDisposable
{
    public const string IngestionServiceName = "summaries.ingestion.v1.IngestionService";
    public const string EntityServiceName = "summaries.entity.v1.EntityService";
    public const string SummaryServiceName = "summaries.summary.v1.SummaryService";

    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo _seeds = Directory.CreateTempSubdirectory("summaries-replica-seeds-");
    private readonly IReadOnlyDictionary<string, string> _extra;

    private ReplicaSystem(int replicas, bool withSeeds, IReadOnlyDictionary<string, string>? extra, string? server)
    {
        Replicas = replicas;
        server ??= PostgresTestSchema.RequireServer();
        IngestionSchema = new PostgresTestSchema(server);
        EntitySchema = new PostgresTestSchema(server);
        SummarySchema = new PostgresTestSchema(server);
        _extra = extra ?? new Dictionary<string, string>();
        if (withSeeds)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "seeds")))
            {
                File.Copy(file, Path.Combine(_seeds.FullName, Path.GetFileName(file)));
            }
        }

        EntityPorts = Enumerable.Range(0, replicas).Select(_ => FreePort.Next()).ToArray();
        IngestionPorts = Enumerable.Range(0, replicas).Select(_ => FreePort.Next()).ToArray();
        SummaryPorts = Enumerable.Range(0, replicas).Select(_ => FreePort.Next()).ToArray();
        Entity = new ServiceProcess?[replicas];
        Ingestion = new ServiceProcess?[replicas];
        Summary = new ServiceProcess?[replicas];
    }

    public int Replicas { get; }

    public PostgresTestSchema IngestionSchema { get; }

    public PostgresTestSchema EntitySchema { get; }

    public PostgresTestSchema SummarySchema { get; }

    public int[] EntityPorts { get; }

    public int[] IngestionPorts { get; }

    public int[] SummaryPorts { get; }

    public ServiceProcess?[] Entity { get; }

    public ServiceProcess?[] Ingestion { get; }

    public ServiceProcess?[] Summary { get; }

    /// <summary>Starts every replica of every service at once (so their migrations race) and waits until all serve.</summary>
    /// <param name="server">The PostgreSQL server; default the one SUMMARIES_TEST_POSTGRES names.</param>
    public static async Task<ReplicaSystem> StartAsync(
        int replicas = 2, bool withSeeds = false, IReadOnlyDictionary<string, string>? extra = null, string? server = null)
    {
        var system = new ReplicaSystem(replicas, withSeeds, extra, server);
        try
        {
            for (var i = 0; i < replicas; i++)
            {
                system.StartEntity(i);
                system.StartIngestion(i);
                system.StartSummary(i);
            }

            await system.WaitAllHealthyAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public IngestionService.IngestionServiceClient IngestionAt(int replica) => new(Ingestion[replica]!.Channel);

    public EntityService.EntityServiceClient EntityAt(int replica) => new(Entity[replica]!.Channel);

    public SummaryService.SummaryServiceClient SummaryAt(int replica) => new(Summary[replica]!.Channel);

    /// <summary>A round-robin channel over every ingestion replica (retrying UNAVAILABLE on another).</summary>
    public GrpcChannel IngestionChannel(bool retry = true) => ReplicaChannel.ForPorts(IngestionPorts, retry);

    public GrpcChannel SummaryChannel(bool retry = true) => ReplicaChannel.ForPorts(SummaryPorts, retry);

    public GrpcChannel EntityChannel(bool retry = true) => ReplicaChannel.ForPorts(EntityPorts, retry);

    public ServiceProcess StartEntity(int i) => Entity[i] = ServiceProcess.Start("Summaries.Entity", EntityPorts[i], With(new()
    {
        ["ConnectionStrings__Entity"] = EntitySchema.ConnectionString,
    }));

    public ServiceProcess StartIngestion(int i) => Ingestion[i] = ServiceProcess.Start("Summaries.Ingestion", IngestionPorts[i], With(new()
    {
        ["ConnectionStrings__Ingestion"] = IngestionSchema.ConnectionString,
        ["Clients__EntityService__Address"] = StaticList(EntityPorts),
        ["Seeds__Directory"] = _seeds.FullName,
    }));

    public ServiceProcess StartSummary(int i) => Summary[i] = ServiceProcess.Start("Summaries.Summary", SummaryPorts[i], With(new()
    {
        ["ConnectionStrings__Summary"] = SummarySchema.ConnectionString,
        ["Clients__IngestionAddress"] = StaticList(IngestionPorts),
        ["Clients__EntityAddress"] = StaticList(EntityPorts),
        ["Llm__Provider"] = "None",
    }));

    public Task WaitAllHealthyAsync() => Task.WhenAll(
        Entity.Where(p => p is not null).Select(p => p!.WaitHealthyAsync(EntityServiceName, Startup))
            .Concat(Ingestion.Where(p => p is not null).Select(p => p!.WaitHealthyAsync(IngestionServiceName, Startup)))
            .Concat(Summary.Where(p => p is not null).Select(p => p!.WaitHealthyAsync(SummaryServiceName, Startup))));

    /// <summary>The article once some replica's annotation is done; fails after the timeout with every replica's recent output.</summary>
    public async Task<Article> AnnotatedAsync(string name, TimeSpan? timeout = null)
    {
        var client = new IngestionService.IngestionServiceClient(Ingestion.First(p => p is { HasExited: false })!.Channel);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var article = (await client.GetArticleAsync(new GetArticleRequest { Name = name })).Article;
            if (article.AnnotationState == AnnotationState.Done)
            {
                return article;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{name} was not annotated in time (state {article.AnnotationState}).\n{RecentOutput()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every process's last lines, for failure messages.</summary>
    public string RecentOutput() => string.Join("\n", Entity.Concat(Ingestion).Concat(Summary)
        .Where(p => p is not null).Select(p => $"--- {p!.Name} :{p.Port}\n{p.RecentOutput}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Summary.Concat(Ingestion).Concat(Entity))
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        IngestionSchema.Dispose();
        EntitySchema.Dispose();
        SummarySchema.Dispose();
        _seeds.Delete(recursive: true);
    }

    /// <summary>The client address naming every replica: <c>static:///127.0.0.1:p1,127.0.0.1:p2</c>.</summary>
    public static string StaticList(IEnumerable<int> ports) => "static:///" + string.Join(',', ports.Select(p => $"127.0.0.1:{p}"));

    private Dictionary<string, string> With(Dictionary<string, string> environment)
    {
        foreach (var (key, value) in _extra)
        {
            environment[key] = value;
        }

        return environment;
    }
}
