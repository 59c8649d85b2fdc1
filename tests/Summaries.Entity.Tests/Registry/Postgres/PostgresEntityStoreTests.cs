using Npgsql;
using Summaries.Entity.Registry.Postgres;

namespace Summaries.Entity.Tests.Registry.Postgres;

/// <summary>The registry suite on PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES), and its history table.</summary>
public sealed class PostgresEntityStoreTests() : EntityStoreSuite(() => new PostgresTestSchema())
{
    private PostgresTestSchema Schema => (PostgresTestSchema)Database;

    [SkippableFact]
    public async Task MigrateAsync_Started_OneHistoryRowPerMigrationInItsOwnTable()
    {
        await using var connection = new NpgsqlConnection(Schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM entity_schema_migrations", connection);

        Assert.Equal("1", await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseNewerThanThisBuild_FailsWithTheReason()
    {
        Schema.Execute("INSERT INTO entity_schema_migrations (version, description) VALUES (99, 'from a later release')");

        await using var store = new PostgresEntityStore(Schema.ConnectionString);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 99 (entity_schema_migrations), newer than this build knows (1)", ex.Message, StringComparison.Ordinal);
    }

    protected override TestStoreDatabase FreshDatabase() => new PostgresTestSchema();
}
