using System.Diagnostics;
using Npgsql;
using Summaries.Entity.Registry.Postgres;
using Xunit.Abstractions;

namespace Summaries.Entity.Tests.Registry.Postgres;

/// <summary>The registry suite on PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES), and its history table.</summary>
public sealed class PostgresEntityStoreTests(ITestOutputHelper output) : EntityStoreSuite(() => new PostgresTestSchema())
{
    private PostgresTestSchema Schema => (PostgresTestSchema)Database;

    [SkippableFact]
    public async Task MigrateAsync_Started_OneHistoryRowPerMigrationInItsOwnTable()
    {
        await using var connection = new NpgsqlConnection(Schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM entity_schema_migrations", connection);

        Assert.Equal("1,2,3", await command.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseContractedByANewerBuild_FailsWithTheReason()
    {
        // A newer step that only expands is served on (the replica suite covers it); one that contracts is refused.
        Schema.Execute("INSERT INTO entity_schema_migrations (version, description, contracts) VALUES (99, 'from a later release', true)");

        await using var store = new PostgresEntityStore(Schema.ConnectionString);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync(CancellationToken.None));

        Assert.Contains("schema version 99 (entity_schema_migrations), newer than this build knows (3), and step 99 removed what this build reads", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseFromV1_AliasesCopiedWithTheirKinds()
    {
        // The registry as v1 left it: alias arrays in the rows, no alias table. The location comes first
        // by name, so only the kinds copied beside the aliases keep it from standing in for the person.
        Schema.Execute("""
            DROP TABLE entity_aliases, entity_person_keys, entity_merges;
            DELETE FROM entity_schema_migrations WHERE version >= 2;
            INSERT INTO entities VALUES ('entities/location-xi-river', 'Xi River', 2, ARRAY['Xi', 'Xi River'], ARRAY[]::text[]);
            INSERT INTO entities VALUES ('entities/person-xi-jinping', 'Xi Jinping', 0, ARRAY['Xi', 'Xi Jinping'], ARRAY[]::text[]);
            """);
        await using var store = new PostgresEntityStore(Schema.ConnectionString);

        var version = await store.MigrateAsync(CancellationToken.None);
        var names = await store.RegisterAsync("articles/new", [Person("Xi", 1)], _ => [], CancellationToken.None);

        Assert.Equal(new(3, 2, 3), version);
        Assert.Equal("entities/person-xi-jinping", names["Xi"]);
    }

    [SkippableFact]
    public async Task RegisterAsync_ArticleNamingTwelveThousandPeople_RegistersWithinTheLockTable()
    {
        // One lock per name would need more slots than a default server's shared lock table holds
        // (max_locks_per_transaction 64 × connections), and that table is shared by every database.
        const int People = 12_500;
        var people = Enumerable.Range(0, People).Select(i => Person($"Given{Letters(i)} Family{Letters(i * 7)}", 1)).ToArray();
        await RegisterAsync("articles/small", Person("Xi Jinping", 1));

        var clock = Stopwatch.StartNew();
        var names = await RegisterAsync("articles/crowd", people);
        output.WriteLine($"{People} people registered in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(People, names.Values.Distinct().Count());
        var (listed, _) = await Store.ListAsync(new(null, "articles/crowd"), 10, 0, CancellationToken.None);
        Assert.Equal(10, listed.Count);
    }

    protected override TestStoreDatabase FreshDatabase() => new PostgresTestSchema();
}
