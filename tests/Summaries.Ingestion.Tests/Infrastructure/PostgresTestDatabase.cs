using Summaries.Testing;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// A schema of its own in the PostgreSQL database named by <c>SUMMARIES_TEST_POSTGRES</c>, dropped
/// on dispose (see <see cref="PostgresTestSchema"/>). Without the variable the test is skipped, or
/// fails under SUMMARIES_REQUIRE_ALL=1.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string Variable = PostgresTestSchema.Variable;

    private readonly PostgresTestSchema _schema = new();

    public string Provider => _schema.Provider;

    public string Schema => _schema.Schema;

    public string ConnectionString => _schema.ConnectionString;

    /// <summary>The server's connection string; skips (or fails under SUMMARIES_REQUIRE_ALL=1) when it is not configured.</summary>
    public static string RequireServer() => PostgresTestSchema.RequireServer();

    public void Dispose() => _schema.Dispose();
}
