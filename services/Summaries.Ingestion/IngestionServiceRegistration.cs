using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Probes;
using Summaries.ServiceDefaults.Storage;
using Summaries.Contracts.Entity.V1;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Clients;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Importing;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Seeds;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Storage.Postgres;
using Summaries.Ingestion.Storage.Sqlite;
using Summaries.Ingestion.Watching;

namespace Summaries.Ingestion;

/// <summary>The ingestion service's own registrations.</summary>
public static class IngestionServiceRegistration
{
    public static WebApplicationBuilder AddIngestionService(this WebApplicationBuilder builder)
    {
        // Refuse to start rather than store bodies that were silently left unnormalised.
        Cleaning.Nfc.EnsureAvailable();
        builder.Services.AddIngestionServices();
        builder.Services.AddStoreReadiness(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Ingestion);
        return builder;
    }

    /// <summary>Options, storage, domain, the entity client and the background services; what tests wire up too.</summary>
    public static IServiceCollection AddIngestionServices(this IServiceCollection services)
    {
        AddValidatedOptions<StorageOptions>(services, StorageOptions.SectionName);
        AddValidatedOptions<StorageTuningOptions>(services, StorageTuningOptions.SectionName);
        AddValidatedOptions<EntityClientOptions>(services, EntityClientOptions.SectionName);
        AddValidatedOptions<SeedOptions>(services, SeedOptions.SectionName);
        AddValidatedOptions<IngestionLimitsOptions>(services, IngestionLimitsOptions.SectionName);
        AddValidatedOptions<AnnotationOptions>(services, AnnotationOptions.SectionName);
        AddValidatedOptions<DuplicateOptions>(services, DuplicateOptions.SectionName);

        // Only the annotation worker calls the entity service, so no caller's deadline or cancellation
        // reaches it. Unlike AddSummariesGrpcClient there are no transport retries: the worker retries
        // with per-article backoff, and a refused connection then fails in milliseconds, keeping
        // CreateArticle's wait short while the entity service is down.
        services.AddSummariesGrpcClient<EntityService.EntityServiceClient>(
            sp => sp.GetRequiredService<IOptions<EntityClientOptions>>().Value.Address,
            o =>
            {
                // The annotation worker retries; a retry here would only slow an accepted create.
                o.RetryUnavailable = false;
                // The annotation of a 1,000,000-character body can pass the 16 MB default.
                o.MaxReceiveMessageSize = 64 * 1024 * 1024;
            })
            // One call per stored article: HttpClientFactory's request logging (a scope and up to four
            // Information lines a call) costs more than the call is worth logging; gRPC logs failures itself.
            .RemoveAllLoggers();

        services.AddSingleton<IngestionTelemetry>();
        AddStorage(services);
        services.AddSingleton<ArticleValidator>();
        services.AddSingleton<ArticlePreparer>();
        services.AddSingleton<ArticleTextAnalyzer>();
        services.AddSingleton<NearDuplicateMatcher>();
        services.AddSingleton<ArticleBroadcaster>();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<ArticleWatcher>();
        services.AddSingleton<IArticleAnnotator, EntityServiceAnnotator>();
        services.AddSingleton<EntityServiceCircuit>();
        services.AddSingleton<AnnotationPolicy>();
        services.AddSingleton<AnnotationDispatcher>();
        services.AddSingleton<AnnotationSignal>();
        services.AddSingleton<ArticleService>();
        services.AddSingleton<ArticleImporter>();
        services.AddHostedService<AnnotationWorker>();
        services.AddHostedService<CommitFeedWorker>();
        services.AddHostedService<SeedLoader>();
        return services;
    }

    /// <summary>
    /// Both stores are registered; the connection string picks one (<see cref="StorageOptions.Provider"/>),
    /// and only that one is ever constructed.
    /// </summary>
    private static void AddStorage(IServiceCollection services)
    {
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteArticleStore>();
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<PostgresArticleStore>();
        services.AddSingleton<IArticleStore>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<PostgresArticleStore>()
            : sp.GetRequiredService<SqliteArticleStore>());
        services.AddSingleton<IArticleStoreMigrator>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<PostgresDatabase>()
            : sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<SqliteCommitFeed>();
        services.AddSingleton<PostgresCommitFeed>();
        services.AddSingleton<IArticleCommitFeed>(sp => IsPostgres(sp)
            ? sp.GetRequiredService<PostgresCommitFeed>()
            : sp.GetRequiredService<SqliteCommitFeed>());

        // As in the entity and summary services: the schema is brought up to date by a hosted service,
        // then what the store keeps in memory is loaded, both before the server takes calls (and
        // before the workers registered after them start).
        services.AddStoreMigration<IArticleStoreMigrator>();
        services.AddHostedService<ArticleStoreLoader>();
    }

    private static bool IsPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;

    private static void AddValidatedOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
