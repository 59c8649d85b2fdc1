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
