using Microsoft.Extensions.Options;
using Summaries.Entity.Registry.Postgres;
using Summaries.Entity.Registry.Sqlite;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Entity.Registry;

/// <summary>Registers the entity store the connection string names, migrated before the server takes calls.</summary>
public static class EntityStoreRegistration
{
    public static IServiceCollection AddEntityStore(this IServiceCollection services)
    {
        services.AddOptions<EntityStoreOptions>().BindConfiguration(EntityStoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Built on first use, after options validation, so test hosts can override the connection string.
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<EntityStoreOptions>>().Value.Entity));
        services.AddStoreMigration<IEntityStore>();
        return services;
    }

    /// <summary>PostgreSQL for a <c>Host=</c> string, else SQLite. Not yet migrated.</summary>
    public static IEntityStore Create(string connectionString) =>
        StoreConnection.KindOf(connectionString) == StoreKind.Postgres
            ? new PostgresEntityStore(connectionString)
            : new SqliteEntityStore(connectionString);
}
