using Npgsql;
using Summaries.Ingestion.Storage.Postgres;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>The storage suite on PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES), and its migrations table.</summary>
public sealed class PostgresArticleStoreTests() : ArticleStoreSuite(() => new PostgresTestDatabase())
{
    [SkippableFact]
    public async Task MigrateAsync_Twice_OneVersionRowPerMigration()
    {
        Harness.Migrate();
        await using var connection = await Harness.Get<PostgresDatabase>().OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations", connection);

        Assert.Equal("1,2,3", await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task InsertAsync_UniqueIndexes_EnforcedByTheDatabase()
    {
        await InsertAsync(1, "req");
        await using var connection = await Harness.Get<PostgresDatabase>().OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("""
            INSERT INTO articles (id, request_id, content_hash, title, body, cleaned_body, cleaned_segments, source, url, language, create_time, annotation_state, story)
            VALUES ('other', 'req', 'other-hash', 't', 'b', 'b', '', '', '', 'en', now(), 1, 'stories/other')
            """, connection);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
    }
}
