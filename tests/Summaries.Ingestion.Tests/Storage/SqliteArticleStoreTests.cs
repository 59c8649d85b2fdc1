using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Storage.Sqlite;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>The storage suite on SQLite, and what only SQLite has (WAL, user_version, upgrading a v1 file).</summary>
public sealed class SqliteArticleStoreTests() : ArticleStoreSuite(() => new SqliteTestDatabase())
{
    [Fact]
    public async Task MigrateAsync_NewFile_WalAndLatestVersion()
    {
        await using var connection = await Harness.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA user_version;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("wal", reader.GetString(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal(4, reader.GetInt32(0));
    }

    [Fact]
    public async Task MigrateAsync_FileFromSchemaV1_RowsBackfilledAndLinkable()
    {
        using var database = new SqliteTestDatabase();
        await using (var v1 = new SqliteConnection(database.ConnectionString))
        {
            await v1.OpenAsync();
            await using var command = v1.CreateCommand();
            command.CommandText = SqliteSchema.Migrations[0].Sql + """
                PRAGMA user_version = 1;
                INSERT INTO articles (id, request_id, content_hash, title, body, source, url, language, create_time, annotation_state)
                VALUES ('old', 'seed-old', 'v1-hash', 'Old', $body, '', '', 'en', '2024-01-01T00:00:00.0000000+00:00', 2);
                """;
            command.Parameters.AddWithValue("$body", SeedTexts.Blinken);
            await command.ExecuteNonQueryAsync();
        }

        using var harness = new DomainHarness(database: new SharedDatabase(database));
        var old = await harness.Articles.GetAsync("articles/old", CancellationToken.None);
        var copy = await harness.Articles.CreateAsync(
            new CreateArticleCommand(new ArticleInput("Copy", SeedTexts.EditedBlinken)), CancellationToken.None);

        Assert.Equal(TextCleaner.Clean(SeedTexts.Blinken).Text, old.CleanedBody);
        Assert.Equal("old", old.DuplicateGroup);
        Assert.Equal(ContentHash.Of(old.CleanedBody), old.ContentHash);
        Assert.Equal("articles/old", copy.Article.DuplicateOf);
        Assert.Equal(AnnotationState.Done, old.AnnotationState);
    }

    [Fact]
    public async Task MigrateAsync_FileFromSchemaV2_AnnotationBookkeepingMovedToItsTable()
    {
        using var database = new SqliteTestDatabase();
        await using (var v2 = new SqliteConnection(database.ConnectionString))
        {
            await v2.OpenAsync();
            await using var command = v2.CreateCommand();
            command.CommandText = SqliteSchema.Migrations[0].Sql + SqliteSchema.Migrations[1].Sql + """
                PRAGMA user_version = 2;
                INSERT INTO articles (id, content_hash, title, body, cleaned_body, source, url, language, create_time, story,
                                      annotation_state, annotation_error, annotation_attempts, next_annotation_ms)
                VALUES ('waiting', 'h1', 'W', 'Waiting.', 'Waiting.', '', '', 'en', '2025-01-01T00:00:00.0000000+00:00', 'stories/waiting', 1, 'refused', 2, 1000),
                       ('done', 'h2', 'D', 'Done.', 'Done.', '', '', 'en', '2025-01-01T00:00:00.0000000+00:00', 'stories/done', 2, '', 1, NULL),
                       ('failed', 'h3', 'F', 'Failed.', 'Failed.', '', '', 'en', '2025-01-01T00:00:00.0000000+00:00', 'stories/failed', 3, 'rejected: no', 1, NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        using var harness = new DomainHarness(database: new SharedDatabase(database));
        var waiting = await harness.Articles.GetAsync("articles/waiting", CancellationToken.None);
        var failed = await harness.Articles.GetAsync("articles/failed", CancellationToken.None);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1000);
        var due = await harness.Store.ClaimDueForAnnotationAsync(new AnnotationClaim("test", at, at.AddMinutes(1)), 10, CancellationToken.None);

        Assert.Equal((AnnotationState.Pending, "refused", 2), (waiting.AnnotationState, waiting.AnnotationError, waiting.AnnotationAttempts));
        Assert.Equal((AnnotationState.Failed, "rejected: no", 1), (failed.AnnotationState, failed.AnnotationError, failed.AnnotationAttempts));
        Assert.Equal("waiting", Assert.Single(due).Id);
        Assert.Equal(new AnnotationBacklog(1, 1), await harness.Store.CountAnnotationBacklogAsync(CancellationToken.None));
    }

    [Fact]
    public async Task InsertAsync_UniqueIndexes_EnforcedByTheDatabase()
    {
        await InsertAsync(1, "req");
        await using var connection = await Harness.Get<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO articles (id, request_id, content_hash, title, body, source, url, language, create_time, story)
            VALUES ('other', 'req', 'other-hash', 't', 'b', '', '', 'en', '2025-01-01T00:00:00Z', 'stories/other')
            """;
        var ex = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
    }
}
