using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Ingestion.Options;

/// <summary>Which database holds the articles.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where articles are stored. Section <c>ConnectionStrings</c>, key <c>Ingestion</c>.</summary>
public sealed class StorageOptions : StoreConnectionOptions
{
    /// <summary>
    /// A PostgreSQL connection string (any value with a <c>Host=</c> keyword, e.g.
    /// <c>Host=db;Username=summaries;Password=…;Database=summaries</c>) or else a SQLite one. Default
    /// <c>Data Source=.data/ingestion.db</c> (relative to the working directory; the folder is created
    /// at start and the file put in WAL mode).
    /// </summary>
    [Required]
    public string Ingestion { get; set; } = "Data Source=.data/ingestion.db";

    public StorageProvider Provider => ProviderOf(Ingestion);

    public static StorageProvider ProviderOf(string connectionString) =>
        StoreConnection.KindOf(connectionString) == StoreKind.Postgres
            ? StorageProvider.Postgres
            : StorageProvider.Sqlite;

    protected override string Key => nameof(Ingestion);

    protected override string ConnectionString => Ingestion;
}
