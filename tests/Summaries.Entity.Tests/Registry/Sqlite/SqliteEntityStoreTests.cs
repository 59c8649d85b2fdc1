using Microsoft.Data.Sqlite;
using Summaries.Entity.Registry.Postgres;
using Summaries.Entity.Registry;
using Summaries.Entity.Registry.Sqlite;

namespace Summaries.Entity.Tests.Registry.Sqlite;

/// <summary>The registry suite on SQLite, and what only SQLite has (files from before versioning, user_version).</summary>
public sealed class SqliteEntityStoreTests() : EntityStoreSuite(() => new SqliteTestFile("entity.db"))
{
    [Fact]
    public async Task MigrateAsync_FileFromBeforeVersioning_UpgradedWithItsData()
    {
        using var old = new SqliteTestFile("entity.db");
        await using (var connection = new SqliteConnection(old.ConnectionString))
        {
            // The tables as the first release created them, with no user_version.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE entities (name TEXT PRIMARY KEY, display_name TEXT NOT NULL, kind INTEGER NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL);
                CREATE TABLE entity_articles (entity_name TEXT NOT NULL REFERENCES entities(name), article_name TEXT NOT NULL, mention_count INTEGER NOT NULL, PRIMARY KEY (entity_name, article_name));
                CREATE INDEX ix_entity_articles_article ON entity_articles(article_name);
                CREATE TABLE annotations (article_name TEXT PRIMARY KEY, payload BLOB NOT NULL);
                INSERT INTO entities VALUES ('entities/person-xi-jinping', 'Xi Jinping', 0, '["Xi","Xi Jinping"]', '[]');
                INSERT INTO entities VALUES ('entities/location-xi-river', 'Xi River', 2, '["Xi","Xi River"]', '[]');
                INSERT INTO entity_articles VALUES ('entities/person-xi-jinping', 'articles/old', 4);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteEntityStore(old.ConnectionString);
        var version = await store.MigrateAsync(CancellationToken.None);
        var names = await store.RegisterAsync("articles/new", [Person("Xi", 1)], _ => [], CancellationToken.None);

        Assert.Equal(new(4, 4), version);
        // The location comes first by name: only the kinds copied beside the aliases (v3) keep it from
        // standing in for the person.
        Assert.Equal("entities/person-xi-jinping", names["Xi"]);
        Assert.Equal(5, (await store.GetAsync("entities/person-xi-jinping", CancellationToken.None))!.MentionCount);
    }

    [Fact]
    public async Task MigrateAsync_FileNewerThanThisBuild_FailsWithTheReason()
    {
        using var newer = new SqliteTestFile("entity.db");
        await using (var connection = new SqliteConnection(newer.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteEntityStore(newer.ConnectionString);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 99, newer than this build knows (4)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PostgresConnectionString_PostgresStoreAndSqliteRefusesIt()
    {
        var connectionString = "Host=db.invalid;Database=x;Username=u;Password=p";

        await using var store = EntityStoreRegistration.Create(connectionString);

        Assert.IsType<PostgresEntityStore>(store);
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteEntityStore(connectionString));
        Assert.Contains("SQLite only", ex.Message, StringComparison.Ordinal);
    }

    protected override TestStoreDatabase FreshDatabase() => new SqliteTestFile("entity.db");
}
