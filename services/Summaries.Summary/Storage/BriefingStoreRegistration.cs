using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Briefings;
using Summaries.Summary.Storage.Postgres;
using Summaries.Summary.Storage.Sqlite;

namespace Summaries.Summary.Storage;

/// <summary>Registers the briefing store the connection string names, migrated before the server takes calls.</summary>
public static class BriefingStoreRegistration
{
    /// <summary>The composition root registers the <see cref="IBriefingWireCodec"/> (it lives with the wire types).</summary>
    public static IServiceCollection AddBriefingStore(this IServiceCollection services)
    {
        services.AddOptions<BriefingStoreOptions>().BindConfiguration(BriefingStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Built on first use, after options validation, so test hosts can override the connection string.
        services.AddSingleton(sp => Create(
            sp.GetRequiredService<IOptions<BriefingStoreOptions>>().Value.Summary, sp.GetRequiredService<IBriefingWireCodec>()));
        services.AddStoreMigration<IBriefingStore>();
        return services;
    }

    /// <summary>PostgreSQL for a <c>Host=</c> string, else SQLite. Not yet migrated.</summary>
    public static IBriefingStore Create(string connectionString, IBriefingWireCodec wire) =>
        StoreConnection.KindOf(connectionString) == StoreKind.Postgres
            ? new PostgresBriefingStore(connectionString, wire)
            : new SqliteBriefingStore(connectionString, wire);
}
