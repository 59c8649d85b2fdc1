using Npgsql;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// A schema of its own in the PostgreSQL database named by <c>SUMMARIES_TEST_POSTGRES</c> (e.g.
/// <c>Host=127.0.0.1;Port=5432;Username=summaries;Password=summaries;Database=summaries_test</c>),
/// dropped on dispose. Without the variable the test is skipped, or fails under SUMMARIES_REQUIRE_ALL=1.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string Variable = "SUMMARIES_TEST_POSTGRES";

    private readonly string _admin;

    public PostgresTestDatabase()
    {
        _admin = RequireServer();
        Schema = "t_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE SCHEMA {Schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { SearchPath = Schema }.ConnectionString;
    }

    public string Provider => "PostgreSQL";

    public string Schema { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string; skips (or fails under SUMMARIES_REQUIRE_ALL=1) when it is not configured.</summary>
    public static string RequireServer()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var reason = $"PostgreSQL tests need {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=summaries;Password=summaries;Database=summaries_test)";
        if (Environment.GetEnvironmentVariable("SUMMARIES_REQUIRE_ALL") == "1")
        {
            Assert.Fail(reason + " and SUMMARIES_REQUIRE_ALL=1 forbids skipping.");
        }

        Skip.If(true, reason + "; skipped.");
        return string.Empty;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
