using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Summaries.Ingestion.Options;

/// <summary>Which database holds the articles.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where articles are stored. Section <c>ConnectionStrings</c>, key <c>Ingestion</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "ConnectionStrings";

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
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? StorageProvider.Postgres
            : StorageProvider.Sqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problem = Provider == StorageProvider.Postgres ? PostgresProblem() : SqliteProblem();
        if (problem is not null)
        {
            yield return new ValidationResult($"ConnectionStrings:Ingestion: {problem}", [nameof(Ingestion)]);
        }
    }

    private string? SqliteProblem()
    {
        try
        {
            return string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(Ingestion).DataSource)
                ? "a SQLite connection string needs a Data Source (or use Host=… for PostgreSQL)."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"not a valid SQLite connection string: {ex.Message}";
        }
    }

    private string? PostgresProblem()
    {
        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(Ingestion).Host)
                ? "a PostgreSQL connection string needs a Host."
                : null;
        }
        catch (ArgumentException ex)
        {
            return $"not a valid PostgreSQL connection string: {ex.Message}";
        }
    }
}
