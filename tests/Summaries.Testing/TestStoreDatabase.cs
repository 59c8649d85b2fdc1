using Microsoft.Data.Sqlite;
using Npgsql;

namespace Summaries.Testing;

/// <summary>A private database for one test: a SQLite file in a temp folder, or a fresh PostgreSQL schema.</summary>
public abstract class TestStoreDatabase : IDisposable
{
    /// <summary>"SQLite" or "PostgreSQL", for messages.</summary>
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract void Dispose();
}

/// <summary>A SQLite file in its own temp folder, deleted on dispose.</summary>
public sealed class SqliteTestFile(string fileName = "store.db") : TestStoreDatabase
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("summaries-store-");

    public override string Provider => "SQLite";

    public string FilePath => Path.Combine(_folder.FullName, fileName);

    public override string ConnectionString => $"Data Source={FilePath}";

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>
/// A schema of its own in the PostgreSQL database named by <c>SUMMARIES_TEST_POSTGRES</c> (e.g.
/// <c>Host=127.0.0.1;Port=5432;Username=summaries;Password=summaries;Database=summaries_test</c>),
/// dropped on dispose. Without the variable the test is skipped, or fails under SUMMARIES_REQUIRE_ALL=1.
/// </summary>
public sealed class PostgresTestSchema : TestStoreDatabase
{
    public const string Variable = "SUMMARIES_TEST_POSTGRES";

    public PostgresTestSchema()
        : this(RequireServer())
    {
    }

    /// <summary>A schema on the given server (one the test started itself, for instance).</summary>
    public PostgresTestSchema(string server)
    {
        Server = server;
        Schema = "t_" + Guid.NewGuid().ToString("N");
        Run(Server, $"CREATE SCHEMA {Schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { SearchPath = Schema }.ConnectionString;
    }

    public override string Provider => "PostgreSQL";

    public string Schema { get; }

    /// <summary>The server's connection string, without the schema.</summary>
    public string Server { get; }

    public override string ConnectionString { get; }

    /// <summary>The server's connection string; skips (or fails under SUMMARIES_REQUIRE_ALL=1) when it is not configured.</summary>
    public static string RequireServer()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var reason = $"PostgreSQL tests need {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=summaries;Password=summaries;Database=summaries_test)";
        if (ExternalTools.RequireAll)
        {
            Assert.Fail(reason + " and SUMMARIES_REQUIRE_ALL=1 forbids skipping.");
        }

        Skip.If(true, reason + "; skipped.");
        return string.Empty;
    }

    /// <summary>Runs SQL in this test's schema.</summary>
    public void Execute(string sql) => Run(ConnectionString, sql);

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run(Server, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private static void Run(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
