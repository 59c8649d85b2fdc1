using Npgsql;
using Summaries.Summary.Storage.Postgres;

namespace Summaries.Summary.Tests.Storage.Postgres;

/// <summary>The briefing store suite on PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES), and its history table.</summary>
public sealed class PostgresBriefingStoreTests() : BriefingStoreSuite(() => new PostgresTestSchema())
{
    private PostgresTestSchema Schema => (PostgresTestSchema)Database;

    [SkippableFact]
    public async Task MigrateAsync_Started_OneHistoryRowPerMigrationInItsOwnTable()
    {
        await using var connection = new NpgsqlConnection(Schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM summary_schema_migrations", connection);

        Assert.Equal("1", await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseNewerThanThisBuild_FailsWithTheReason()
    {
        Schema.Execute("INSERT INTO summary_schema_migrations (version, description) VALUES (99, 'from a later release')");

        await using var store = new PostgresBriefingStore(Schema.ConnectionString);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 99 (summary_schema_migrations), newer than this build knows (1)", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SaveAsync_CreateTime_StoredAsTimestamp()
    {
        var briefing = Briefing("t1", ["articles/a1"]);
        await Store.SaveAsync("t1", briefing, null, CancellationToken.None);

        await using var connection = new NpgsqlConnection(Schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT create_time FROM briefings WHERE id = 't1'", connection);

        Assert.Equal(briefing.CreateTime.ToDateTime(), (DateTime)(await command.ExecuteScalarAsync())!);
    }

    protected override TestStoreDatabase FreshDatabase() => new PostgresTestSchema();
}
