using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Importing;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// The service's real registrations over a private database (a temp SQLite file unless given one),
/// with the clock and the entity service (the process edge) replaced. Tests call the domain classes
/// directly; of the background services only the annotation worker runs, and only when asked
/// (<c>startWorker</c>). Without it a create answers without waiting for annotation (CreateWait 0).
/// </summary>
public sealed class DomainHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _workerStarted;

    public DomainHarness(IDictionary<string, string?>? settings = null, ITestDatabase? database = null, bool startWorker = false)
    {
        Database = database ?? new SqliteTestDatabase();
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ingestion"] = Database.ConnectionString,
            ["Seeds:Enabled"] = "false",
        };
        if (!startWorker)
        {
            values["Ingestion:Annotation:CreateWait"] = "00:00:00";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddMetrics();
        services.AddIngestionServices();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IArticleAnnotator>(Annotator);
        services.AddSingleton<IHostApplicationLifetime>(Lifetime);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(Temp.Path));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Migrate();
        if (startWorker)
        {
            Worker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            _workerStarted = true;
        }
    }

    public ITestDatabase Database { get; }

    public TempDirectory Temp { get; } = new();

    public FakeTimeProvider Time { get; } = TestClock.Create();

    public FakeAnnotator Annotator { get; } = new();

    public TestLifetime Lifetime { get; } = new();

    public ArticleService Articles => Get<ArticleService>();

    public IArticleStore Store => Get<IArticleStore>();

    public ArticleImporter Importer => Get<ArticleImporter>();

    /// <summary>The annotation worker (the outbox's one reader); started only when asked.</summary>
    public AnnotationWorker Worker => Get<IEnumerable<IHostedService>>().OfType<AnnotationWorker>().Single();

    public void Migrate() => Get<IArticleStoreMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public void Dispose()
    {
        if (_workerStarted)
        {
            Worker.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _services.Dispose();
        Lifetime.Dispose();
        Database.Dispose();
        Temp.Dispose();
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Summaries.Ingestion.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
