using Microsoft.Data.Sqlite;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.ServiceDefaults.Tests.Storage;

public sealed class SqliteFileTests : IDisposable
{
    private static readonly string[] V1 = ["CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"];
    private static readonly string[] V2 = [.. V1, "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';"];

    private readonly SqliteTestFile _database = new("nested/folder/notes.db");

    [Fact]
    public async Task EnterWriteAsync_SameFileTwice_SecondWaitsForTheFirstWithoutAThread()
    {
        var first = new SqliteFile(_database.ConnectionString);
        var second = new SqliteFile(_database.ConnectionString);
        var held = await first.EnterWriteAsync(CancellationToken.None);

        var waiting = second.EnterWriteAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        held.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.EnterWriteAsync(cancelled.Token));
    }

    [Fact]
    public void Migrate_NewFile_FolderCreatedWalAndEveryStep()
    {
        var file = new SqliteFile(_database.ConnectionString);

        var version = file.Migrate(V2);

        Assert.Equal(new SchemaVersion(2, 2), version);
        Assert.True(File.Exists(_database.FilePath));
        Assert.Equal("wal", Scalar(file, "PRAGMA journal_mode;"));
        Assert.Equal(2L, Scalar(file, "PRAGMA user_version;"));
    }

    [Fact]
    public void Migrate_OlderVersion_OnlyTheNewStepsRunDataKept()
    {
        var file = new SqliteFile(_database.ConnectionString);
        file.Migrate(V1);
        Scalar(file, "INSERT INTO notes (text) VALUES ('kept') RETURNING id;");

        var version = file.Migrate(V2);

        Assert.Equal(new SchemaVersion(2, 1), version);
        Assert.Equal("kept by unknown", Scalar(file, "SELECT text || ' by ' || author FROM notes;"));
    }

    [Fact]
    public async Task Migrate_ProcessesStartingTogether_EachStepOnce()
    {
        // CREATE TABLE without IF NOT EXISTS fails if a step ran twice.
        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new SqliteFile(_database.ConnectionString).Migrate(V2))));

        Assert.Equal(2, versions.Sum(v => v.Applied));
    }

    [Fact]
    public void Migrate_FileNewerThanTheSteps_FailsWithTheReason()
    {
        var file = new SqliteFile(_database.ConnectionString);
        file.Migrate(V2);

        var ex = Assert.Throws<InvalidOperationException>(() => file.Migrate(V1));

        Assert.Contains("schema version 2, newer than this build knows (1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PostgresConnectionString_RefusedWithTheReason()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteFile("Host=pg;Database=x;Username=u;Password=p"));

        Assert.Contains("SQLite only", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private static object? Scalar(SqliteFile file, string sql)
    {
        using var connection = file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
