using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Storage.Postgres;
using Summaries.Summary.Storage.Sqlite;

namespace Summaries.Summary.Storage;

/// <summary>Registers the briefing store the connection string names, migrated before the server takes calls.</summary>
public static class BriefingStoreRegistration
{
    public static IServiceCollection AddBriefingStore(this IServiceCollection services)
    {
        services.AddOptions<BriefingStoreOptions>().BindConfiguration(BriefingStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Built on first use, after options validation, so test hosts can override the connection string.
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<BriefingStoreOptions>>().Value.Summary));
        services.AddStoreMigration<IBriefingStore>();
        return services;
    }

    /// <summary>PostgreSQL for a <c>Host=</c> string, else SQLite. Not yet migrated.</summary>
    public static IBriefingStore Create(string connectionString) =>
        StoreConnection.KindOf(connectionString) == StoreKind.Postgres
            ? new PostgresBriefingStore(connectionString)
            : new SqliteBriefingStore(connectionString);
}
