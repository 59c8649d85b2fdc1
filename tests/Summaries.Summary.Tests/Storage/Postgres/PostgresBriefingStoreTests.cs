using Google.Protobuf;
using Npgsql;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Storage.Postgres;
using Wire = Summaries.Contracts.Summary.V1;

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

        Assert.Equal("1,2", await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseContractedByANewerBuild_FailsWithTheReason()
    {
        // A newer step that only expands is served on (the replica suite covers it); one that contracts is refused.
        Schema.Execute("INSERT INTO summary_schema_migrations (version, description, contracts) VALUES (99, 'from a later release', true)");

        await using var store = new PostgresBriefingStore(Schema.ConnectionString, Legacy);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 99 (summary_schema_migrations), newer than this build knows (2), and step 99 removed what this build reads", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SaveAsync_CreateTime_StoredAsTimestamp()
    {
        var briefing = Briefing("t1", ["articles/a1"]);
        await Store.SaveAsync("t1", briefing, null, CancellationToken.None);

        await using var connection = new NpgsqlConnection(Schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT create_time FROM briefings WHERE id = 't1'", connection);

        Assert.Equal(briefing.CreateTime.UtcDateTime, (DateTime)(await command.ExecuteScalarAsync())!);
    }

    protected override TestStoreDatabase FreshDatabase() => new PostgresTestSchema();

    protected override async Task CreateReleaseBeforeAsync(TestStoreDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var plan = PostgresBriefingSchema.Plan;
        await (plan with { Migrations = plan.Migrations.Take(1).ToList() }).ApplyAsync(connection, CancellationToken.None);
    }

    protected override async Task InsertAsReleaseBeforeAsync(TestStoreDatabase database, string id, Wire.Briefing briefing, string? cacheKey)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            WITH b AS (INSERT INTO briefings (id, create_time, payload) VALUES (@id, @time, @payload) RETURNING seq),
                 a AS (INSERT INTO briefing_articles (briefing_seq, article_name) SELECT b.seq, x FROM b, unnest(@articles) AS x)
            INSERT INTO briefing_cache (cache_key, briefing_id) SELECT @k, @id FROM b WHERE @k IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("time", NpgsqlTypes.NpgsqlDbType.TimestampTz, briefing.CreateTime.ToDateTime());
        command.Parameters.AddWithValue("payload", briefing.ToByteArray());
        command.Parameters.AddWithValue("articles", briefing.ArticleNames.Distinct(StringComparer.Ordinal).ToArray());
        command.Parameters.AddWithValue("k", NpgsqlTypes.NpgsqlDbType.Text, (object?)cacheKey ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> WithoutDocumentAsync(TestStoreDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM briefings WHERE document IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<List<byte[]>> PayloadsAsync(TestStoreDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload FROM briefings ORDER BY seq", connection);
        var payloads = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetFieldValue<byte[]>(0));
        }

        return payloads;
    }
}
