using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Summaries.Contracts.Ingestion.V1;
using Summaries.EndToEnd.Tests.Infrastructure;
using Summaries.Testing.Security;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>
/// The three services as separate processes with TLS and API keys on, logging at Debug, calling
/// each other with their own keys and client certificates:
/// <list type="bullet">
/// <item>entity: mutual TLS required; keys ingestion, summary, dashboard, limited; only health anonymous
/// (reflection needs a key); rate limits on (the "limited" key gets 3 calls a minute, and may call AnnotateText
/// only); 64 KiB largest request. The other keys have their default grants.</item>
/// <item>ingestion: mutual TLS required; keys summary, dashboard; nothing anonymous (health needs a key too);
/// calls entity at <c>dns:///localhost:port</c> over TLS.</item>
/// <item>summary: TLS with optional client certificates (checked when sent); key dashboard; health and
/// reflection anonymous (the default); calls ingestion at https://localhost and entity at https://127.0.0.1;
/// LLM with an API key.</item>
/// </list>
/// Every key and password is random, so a test can search the logs for them.
/// </summary>
public sealed class SecuredSystemFixture : IAsyncLifetime
{
    public const int LimitedKeyPermits = 3;
    public const int EntityMaxReceiveBytes = 64 * 1024;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "summaries-sec-" + Guid.NewGuid().ToString("N")[..8]);

    public TestPki Pki { get; } = TestPki.Create("dashboard", "services");

    public string DashboardKey { get; } = NewSecret();

    public string SummaryKey { get; } = NewSecret();

    public string IngestionKey { get; } = NewSecret();

    public string LimitedKey { get; } = NewSecret();

    public string LlmKey { get; } = NewSecret();

    public ScriptedLlmServer Llm { get; private set; } = null!;

    public ServiceProcess Entity { get; private set; } = null!;

    public ServiceProcess Ingestion { get; private set; } = null!;

    public ServiceProcess Summary { get; private set; } = null!;

    public IEnumerable<ServiceProcess> Services => [Entity, Ingestion, Summary];

    /// <summary>Every secret configured into the processes.</summary>
    public IReadOnlyList<string> Secrets => [DashboardKey, SummaryKey, IngestionKey, LimitedKey, LlmKey];

    public X509Certificate2 DashboardCertificate => Pki.Client("dashboard").Certificate;

    /// <summary>A random 48-character hex secret that cannot appear in a log by chance.</summary>
    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>https://127.0.0.1:port trusting the test CA, with the dashboard's client certificate and the given headers.</summary>
    public GrpcChannel Channel(ServiceProcess service, params (string Name, string Value)[] headers) =>
        TestChannels.Create($"https://127.0.0.1:{service.Port}", Pki.Ca, DashboardCertificate, headers);

    /// <summary>As <see cref="Channel"/>, sending the dashboard's key.</summary>
    public GrpcChannel DashboardChannel(ServiceProcess service) => Channel(service, ("x-api-key", DashboardKey));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        var seeds = Path.Combine(_dataDir, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var file in new[] { "blinken-xi-beijing.json", "blinken-xi-beijing.txt" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "seeds", file), Path.Combine(seeds, file));
        }

        Llm = await ScriptedLlmServer.StartAsync();
        var entityPort = FreePort.Next();
        var ingestionPort = FreePort.Next();
        var summaryPort = FreePort.Next();
        Func<int, GrpcChannel> dashboard = port =>
            TestChannels.Create($"https://127.0.0.1:{port}", Pki.Ca, DashboardCertificate, ("x-api-key", DashboardKey));

        Entity = ServiceProcess.Start("Summaries.Entity", entityPort, Environment(
            ServerTls(requireClientCertificate: true),
            Keys(("ingestion", IngestionKey), ("summary", SummaryKey), ("dashboard", DashboardKey), ("limited", LimitedKey)),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Entity"] = $"Data Source={Path.Combine(_dataDir, "entity.db")}",
                ["Auth__AnonymousServices__0"] = "grpc.health.v1.Health",
                ["RateLimits__Enabled"] = "true",
                ["RateLimits__PermitLimit"] = "1000",
                ["RateLimits__Window"] = "00:01:00",
                // Not a caller the defaults know: it is granted the one method the tests call with it.
                ["Auth__Grants__limited__0"] = "summaries.entity.v1.EntityService/AnnotateText",
                ["RateLimits__KeyPermitLimits__limited"] = LimitedKeyPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Service__MaxReceiveMessageSize"] = EntityMaxReceiveBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }), dashboard);
        Ingestion = ServiceProcess.Start("Summaries.Ingestion", ingestionPort, Environment(
            ServerTls(requireClientCertificate: true),
            Keys(("summary", SummaryKey), ("dashboard", DashboardKey)),
            ClientTls(IngestionKey),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Ingestion"] = $"Data Source={Path.Combine(_dataDir, "ingestion.db")}",
                ["Auth__AnonymousServices__0"] = string.Empty,
                ["Clients__EntityService__Address"] = $"dns:///localhost:{entityPort}",
                ["Clients__Tls__Enabled"] = "true",
                ["Seeds__Directory"] = seeds,
            }), dashboard);
        Summary = ServiceProcess.Start("Summaries.Summary", summaryPort, Environment(
            ServerTls(requireClientCertificate: false),
            Keys(("dashboard", DashboardKey)),
            ClientTls(SummaryKey),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(_dataDir, "summary.db")}",
                ["Clients__IngestionAddress"] = $"https://localhost:{ingestionPort}",
                ["Clients__EntityAddress"] = $"https://127.0.0.1:{entityPort}",
                ["Llm__Provider"] = "OpenAI",
                ["Llm__Endpoint"] = Llm.Endpoint,
                ["Llm__Model"] = "scripted-model",
                ["Llm__ApiKey"] = LlmKey,
                ["Llm__TimeoutSeconds"] = "3",
                ["Llm__MaxRetries"] = "0",
            }), dashboard);

        var startup = TimeSpan.FromSeconds(60);
        await Task.WhenAll(
            Entity.WaitHealthyAsync(SystemFixture.EntityServiceName, startup),
            Ingestion.WaitHealthyAsync(SystemFixture.IngestionServiceName, startup),
            Summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, startup));
    }

    /// <summary>The seed article once ingestion has loaded it and had it annotated over TLS with its key.</summary>
    public async Task<Article> SeedArticleAsync()
    {
        using var channel = DashboardChannel(Ingestion);
        var client = new IngestionService.IngestionServiceClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await client.ListArticlesAsync(new ListArticlesRequest { PageSize = 10 });
            var seed = page.Articles.FirstOrDefault(a => a.Body.Contains("Blinken", StringComparison.Ordinal));
            if (seed is { AnnotationState: AnnotationState.Done })
            {
                return seed;
            }

            if (DateTime.UtcNow > deadline)
            {
                var problems = Ingestion.Output.Where(l => l.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal)
                    || l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)).TakeLast(10);
                throw new TimeoutException(
                    $"The seed was not loaded and annotated within 30 s; state: {seed?.AnnotationState.ToString() ?? "not loaded"}\n{string.Join('\n', problems)}");
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

        Pki.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private Dictionary<string, string> ServerTls(bool requireClientCertificate) => new()
    {
        ["Service__Tls__CertificatePath"] = Pki.Server.CertificatePath,
        ["Service__Tls__KeyPath"] = Pki.Server.KeyPath,
        ["Service__Tls__ClientCaPath"] = Pki.CaPath,
        ["Service__Tls__RequireClientCertificate"] = requireClientCertificate ? "true" : "false",
    };

    private static Dictionary<string, string> Keys(params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string> { ["Auth__Enabled"] = "true" };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth__Keys__{i}__Id"] = keys[i].Id;
            settings[$"Auth__Keys__{i}__Key"] = keys[i].Key;
        }

        return settings;
    }

    private Dictionary<string, string> ClientTls(string apiKey) => new()
    {
        ["Clients__ApiKey"] = apiKey,
        ["Clients__Tls__CaPath"] = Pki.CaPath,
        ["Clients__Tls__CertificatePath"] = Pki.Client("services").CertificatePath,
        ["Clients__Tls__KeyPath"] = Pki.Client("services").KeyPath,
    };

    /// <summary>The given settings, plus Debug logging everywhere (what the secret-logging test reads).</summary>
    private static Dictionary<string, string> Environment(params Dictionary<string, string>[] parts)
    {
        var environment = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
            ["Logging__LogLevel__System.Net.Http"] = "Debug",
        };
        foreach (var (key, value) in parts.SelectMany(p => p))
        {
            environment[key] = value;
        }

        return environment;
    }
}

/// <summary>Tests sharing the secured system; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SecuredSystemCollection : ICollectionFixture<SecuredSystemFixture>
{
    public const string Name = "secured system";
}
