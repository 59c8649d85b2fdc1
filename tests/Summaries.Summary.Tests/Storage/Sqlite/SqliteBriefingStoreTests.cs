using Microsoft.Data.Sqlite;
using Summaries.Summary.Storage.Postgres;
using Summaries.Summary.Storage;
using Summaries.Summary.Storage.Sqlite;

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
            command.Parameters.AddWithValue("$payload", Google.Protobuf.MessageExtensions.ToByteArray(briefing));
            await command.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteBriefingStore(old.ConnectionString);
        var version = await store.MigrateAsync(CancellationToken.None);
        await store.SaveAsync("new", Briefing("new", ["articles/a1"]), null, CancellationToken.None);

        Assert.Equal(new(1, 1), version);
        Assert.Equal(briefing, await store.FindCachedAsync("old-key", CancellationToken.None));
        var page = await store.ListAsync(10, null, "articles/a1", CancellationToken.None);
        Assert.Equal(["briefings/new", "briefings/old"], page.Briefings.Select(b => b.Name));
    }

    [Fact]
    public async Task Create_PostgresConnectionString_PostgresStoreAndSqliteRefusesIt()
    {
        var connectionString = "Host=db.invalid;Database=x;Username=u;Password=p";

        await using var store = BriefingStoreRegistration.Create(connectionString);

        Assert.IsType<PostgresBriefingStore>(store);
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteBriefingStore(connectionString));
        Assert.Contains("SQLite only", ex.Message, StringComparison.Ordinal);
    }

    protected override TestStoreDatabase FreshDatabase() => new SqliteTestFile("summary.db");
}
