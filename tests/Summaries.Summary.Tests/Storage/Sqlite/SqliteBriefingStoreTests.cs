using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Summaries.ServiceDefaults.Storage;
using Summaries.Summary.Grpc;
using Summaries.Summary.Storage;
using Summaries.Summary.Storage.Postgres;
using Summaries.Summary.Storage.Sqlite;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Tests.Storage.Sqlite;

/// <summary>The briefing store suite on SQLite, and what only SQLite has (files from before versioning, user_version).</summary>
public sealed class SqliteBriefingStoreTests() : BriefingStoreSuite(() => new SqliteTestFile("summary.db"))
{
    [Fact]
    public async Task MigrateAsync_FileFromBeforeVersioning_UpgradedWithItsData()
    {
        using var old = new SqliteTestFile("summary.db");
        var briefing = Briefing("old", ["articles/a1"]);
        await using (var connection = new SqliteConnection(old.ConnectionString))
        {
            // The tables as the first release created them, with no user_version.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE briefings (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, create_time TEXT NOT NULL, payload BLOB NOT NULL);
                CREATE TABLE briefing_articles (briefing_seq INTEGER NOT NULL REFERENCES briefings(seq) ON DELETE CASCADE, article_name TEXT NOT NULL, PRIMARY KEY (briefing_seq, article_name));
                CREATE INDEX ix_briefing_articles_article ON briefing_articles(article_name);
                CREATE TABLE briefing_cache (cache_key TEXT PRIMARY KEY, briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE);
                INSERT INTO briefings (id, create_time, payload) VALUES ('old', '2025-03-01T09:00:00.0000000+00:00', $payload);
                INSERT INTO briefing_articles VALUES (1, 'articles/a1');
                INSERT INTO briefing_cache VALUES ('old-key', 'old');
                """;
            command.Parameters.AddWithValue("$payload", BriefingMapper.ToProto(briefing).ToByteArray());
            await command.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteBriefingStore(old.ConnectionString, Legacy);
        var version = await store.MigrateAsync(CancellationToken.None);
        await store.SaveAsync("new", Briefing("new", ["articles/a1"]), null, CancellationToken.None);

        Assert.Equal(new(2, 2), version);
        AssertSame(briefing, await store.FindCachedAsync("old-key", CancellationToken.None));
        var page = await store.ListAsync(10, null, "articles/a1", CancellationToken.None);
        Assert.Equal(["briefings/new", "briefings/old"], page.Briefings.Select(b => b.Name));
    }

    [Fact]
    public async Task Create_PostgresConnectionString_PostgresStoreAndSqliteRefusesIt()
    {
        var connectionString = "Host=db.invalid;Database=x;Username=u;Password=p";

        await using var store = BriefingStoreRegistration.Create(connectionString, Legacy);

        Assert.IsType<PostgresBriefingStore>(store);
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteBriefingStore(connectionString, Legacy));
        Assert.Contains("SQLite only", ex.Message, StringComparison.Ordinal);
    }

    protected override TestStoreDatabase FreshDatabase() => new SqliteTestFile("summary.db");

    protected override Task CreateReleaseBeforeAsync(TestStoreDatabase database)
    {
        new SqliteFile(database.ConnectionString).Migrate(SqliteBriefingSchema.Migrations.Take(1).ToList());
        return Task.CompletedTask;
    }

    protected override async Task InsertAsReleaseBeforeAsync(TestStoreDatabase database, string id, Wire.Briefing briefing, string? cacheKey)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO briefings (id, create_time, payload) VALUES ($id, $time, $payload);
            INSERT INTO briefing_articles (briefing_seq, article_name) SELECT (SELECT seq FROM briefings WHERE id = $id), value FROM json_each($articles);
            INSERT INTO briefing_cache (cache_key, briefing_id) SELECT $key, $id WHERE $key IS NOT NULL;
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$time", briefing.CreateTime.ToDateTimeOffset().ToString("O"));
        command.Parameters.AddWithValue("$payload", briefing.ToByteArray());
        command.Parameters.AddWithValue("$articles", System.Text.Json.JsonSerializer.Serialize(briefing.ArticleNames.Distinct().ToArray()));
        command.Parameters.AddWithValue("$key", (object?)cacheKey ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> WithoutDocumentAsync(TestStoreDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM briefings WHERE document IS NULL";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override async Task<List<byte[]>> PayloadsAsync(TestStoreDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM briefings ORDER BY seq";
        var payloads = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add((byte[])reader[0]);
        }

        return payloads;
    }
}
