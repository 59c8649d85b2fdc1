using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.Testing;

namespace Summaries.Load;

/// <summary>
/// The three real services as their own processes (fresh SQLite files, the example article as the
/// only seed, logs at Warning so logging does not dominate), and the no-op echo as a fourth process.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "summaries-load-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<ServiceProcess> _services = [];
    private Process? _echo;
    private GrpcChannel? _echoChannel;

    public ServiceProcess Ingestion { get; private set; } = null!;

    public ServiceProcess Entity { get; private set; } = null!;

    public ServiceProcess Summary { get; private set; } = null!;

    public Targets Real { get; private set; } = null!;

    public Targets Echo { get; private set; } = null!;

    public int EchoProcessId => _echo?.Id ?? 0;

    public static async Task<Cluster> StartAsync()
    {
        var cluster = new Cluster();
        try
        {
            await cluster.InitializeAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public ServiceProcess ServiceFor(string service) => service switch
    {
        "ingestion" => Ingestion,
        "entity" => Entity,
        _ => Summary,
    };

    public IEnumerable<(string Name, int Pid)> Processes() =>
        [("ingestion", Ingestion.ProcessId), ("entity", Entity.ProcessId), ("summary", Summary.ProcessId)];

    private async Task InitializeAsync()
    {
        var seeds = Path.Combine(_dataDir, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "seeds"), "blinken-xi-beijing.*"))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)));
        }

        var quiet = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        int entityPort = FreePort.Next(), ingestionPort = FreePort.Next(), summaryPort = FreePort.Next(), echoPort = FreePort.Next();
        Entity = Start("Summaries.Entity", entityPort, quiet, new()
        {
            ["ConnectionStrings__Entity"] = $"Data Source={Path.Combine(_dataDir, "entity.db")}",
        });
        Ingestion = Start("Summaries.Ingestion", ingestionPort, quiet, new()
        {
            ["ConnectionStrings__Ingestion"] = $"Data Source={Path.Combine(_dataDir, "ingestion.db")}",
            ["Clients__EntityService__Address"] = $"http://127.0.0.1:{entityPort}",
            ["Seeds__Directory"] = seeds,
        });
        Summary = Start("Summaries.Summary", summaryPort, quiet, new()
        {
            ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(_dataDir, "summary.db")}",
            ["Clients__IngestionAddress"] = $"http://127.0.0.1:{ingestionPort}",
            ["Clients__EntityAddress"] = $"http://127.0.0.1:{entityPort}",
        });
        _echo = Process.Start(new ProcessStartInfo("dotnet", [typeof(Cluster).Assembly.Location, "echo", "--port", echoPort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start the echo server");
        _echoChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{echoPort}");

        var startup = TimeSpan.FromSeconds(90);
        await Task.WhenAll(
            Entity.WaitHealthyAsync("summaries.entity.v1.EntityService", startup),
            Ingestion.WaitHealthyAsync("summaries.ingestion.v1.IngestionService", startup),
            Summary.WaitHealthyAsync("summaries.summary.v1.SummaryService", startup),
            WaitEchoAsync(startup));

        var seedText = await File.ReadAllTextAsync(Path.Combine(seeds, "blinken-xi-beijing.txt"));
        var seed = await SeedArticleAsync();
        Real = new Targets(new(Ingestion.Channel), new(Entity.Channel), new(Summary.Channel), seed, seedText);
        Echo = new Targets(new(_echoChannel), new(_echoChannel), new(_echoChannel), "articles/echo", seedText);
    }

    private ServiceProcess Start(string project, int port, Dictionary<string, string> common, Dictionary<string, string> own)
    {
        foreach (var (key, value) in common)
        {
            own[key] = value;
        }

        var service = ServiceProcess.Start(project, port, own);
        _services.Add(service);
        return service;
    }

    private async Task WaitEchoAsync(TimeSpan timeout)
    {
        var health = new Health.HealthClient(_echoChannel!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                return;
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The seed article's name once it is stored and annotated (a briefing needs its annotation).</summary>
    private async Task<string> SeedArticleAsync()
    {
        var client = new IngestionService.IngestionServiceClient(Ingestion.Channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await client.ListArticlesAsync(new ListArticlesRequest { PageSize = 10 });
            if (page.Articles.FirstOrDefault(a => a.AnnotationState == AnnotationState.Done) is { } seed)
            {
                return seed.Name;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the example article was not stored and annotated within 60 s");
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        _echoChannel?.Dispose();
        if (_echo is { HasExited: false })
        {
            _echo.Kill(entireProcessTree: true);
            await _echo.WaitForExitAsync();
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
