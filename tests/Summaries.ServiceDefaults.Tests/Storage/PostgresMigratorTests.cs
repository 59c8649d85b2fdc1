using Npgsql;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.ServiceDefaults.Tests.Storage;

/// <summary>The shared migrator on a real server (skipped without SUMMARIES_TEST_POSTGRES), in a schema per test.</summary>
public sealed class PostgresMigratorTests : IDisposable
{
    private const int LockClass = 0x7E57_0001;

    private static readonly PostgresMigration[] V1 = [new("notes", "CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL)")];
    private static readonly PostgresMigration[] V2 = [.. V1, new("note authors", "ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'unknown'")];

    private readonly PostgresTestSchema _schema = new();

    [SkippableFact]
    public async Task ApplyAsync_OlderVersion_OnlyTheNewStepsRunDataKept()
    {
        Assert.Equal(new SchemaVersion(1, 1, 1), await ApplyAsync(V1));
        _schema.Execute("INSERT INTO notes (id, text) VALUES (1, 'kept')");

        var version = await ApplyAsync(V2);

        Assert.Equal(new SchemaVersion(2, 1, 2), version);
        Assert.Equal("kept by unknown", await ScalarAsync("SELECT text || ' by ' || author FROM notes"));
        Assert.Equal("1 notes; 2 note authors", await ScalarAsync("SELECT string_agg(version || ' ' || description, '; ' ORDER BY version) FROM notes_migrations"));
    }

    [SkippableFact]
    public async Task ApplyAsync_ReplicasStartingTogether_EachStepOnce()
    {
        // CREATE TABLE without IF NOT EXISTS fails if a step ran twice.
        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ApplyAsync(V2)));

        Assert.All(versions, v => Assert.Equal(2, v.Version));
        Assert.Equal(2, versions.Sum(v => v.Applied));
    }

    [SkippableFact]
    public async Task ApplyAsync_DatabaseExpandedByANewerBuild_OlderBuildServesOn()
    {
        await ApplyAsync(V2);

        var version = await ApplyAsync(V1);

        Assert.Equal(new SchemaVersion(2, 0, 1), version);
        Assert.True(version.NewerThanBuild);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM notes_migrations"));
    }

    [SkippableFact]
    public async Task ApplyAsync_DatabaseContractedByANewerBuild_RefusedAndChangesNothing()
    {
        PostgresMigration[] v3 = [.. V2, new("author required, text renamed", "ALTER TABLE notes RENAME COLUMN text TO body", Contracts: true)];
        await ApplyAsync(v3);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ApplyAsync(V2));

        Assert.Contains("schema version 3 (notes_migrations), newer than this build knows (2), and step 3 removed what this build reads", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM notes_migrations"));
    }

    [SkippableFact]
    public async Task ApplyAsync_HistoryFromBeforeTheContractsColumn_GainsItAsExpandOnly()
    {
        _schema.Execute("""
            CREATE TABLE notes_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE notes (id integer PRIMARY KEY, text text NOT NULL);
            INSERT INTO notes_migrations (version, description) VALUES (1, 'notes');
            """);

        var version = await ApplyAsync(V2);

        Assert.Equal(new SchemaVersion(2, 1, 2), version);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM notes_migrations WHERE contracts"));
    }

    [SkippableFact]
    public async Task ApplyAsync_TwoStoresInOneSchema_EachKeepsItsOwnHistory()
    {
        PostgresMigration[] other = [new("tags", "CREATE TABLE tags (name text PRIMARY KEY)")];

        await ApplyAsync(V2);
        await using var connection = await OpenAsync();
        var version = await PostgresMigrator.ApplyAsync(connection, "tags_migrations", LockClass + 1, other, CancellationToken.None);

        Assert.Equal(new SchemaVersion(1, 1, 1), version);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM notes_migrations"));
    }

    [SkippableFact]
    public async Task ApplyAsync_HistoryTableNotAPlainName_Refused()
    {
        await using var connection = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            PostgresMigrator.ApplyAsync(connection, "x; DROP TABLE y", LockClass, V1, CancellationToken.None));
    }

    public void Dispose() => _schema.Dispose();

    private async Task<SchemaVersion> ApplyAsync(PostgresMigration[] migrations)
    {
        await using var connection = await OpenAsync();
        return await PostgresMigrator.ApplyAsync(connection, "notes_migrations", LockClass, migrations, CancellationToken.None);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
