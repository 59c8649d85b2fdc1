using Microsoft.Data.Sqlite;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>
/// One service's own SQLite database file: its folder is created on first use, and every
/// connection enforces foreign keys and waits (rather than fails) while another writer holds the lock.
/// </summary>
public sealed class SqliteFile
{
    private readonly string _connectionString;

    public SqliteFile(string connectionString)
    {
        if (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            // Fail at start with the reason, not later with "keyword not supported".
            throw new InvalidOperationException(
                "This service's store is SQLite only (a PostgreSQL store exists for the ingestion service); " +
                "give it a 'Data Source=<file>' connection string.");
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
    }

    /// <summary>Applies a schema script (idempotent DDL) in write-ahead-log mode.</summary>
    public void Migrate(string schema)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
        command.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
