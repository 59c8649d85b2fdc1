using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using Summaries.ServiceDefaults.Probes;
using Summaries.ServiceDefaults.Tests.Infrastructure;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Summaries.ServiceDefaults.Tests.Probes;

/// <summary>Readiness follows a real store (SQLite file, PostgreSQL server); liveness never does.</summary>
public sealed class StoreReadinessTests
{
    [Fact]
    public async Task SqliteFileNoLongerADatabase_ReadinessNotServingLivenessServing_BackWhenRestored()
    {
        using var file = new SqliteTestFile();
        CreateDatabase(file.ConnectionString);
        var good = await File.ReadAllBytesAsync(file.FilePath);
        await using var host = await StartAsync(file.ConnectionString, cacheFor: "00:00:00");
        using var channel = host.Channel();
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, DefaultsHost.ServiceName));

        await File.WriteAllTextAsync(file.FilePath, new string('x', good.Length));

        Assert.Equal(ServingStatus.NotServing, await CheckAsync(channel, DefaultsHost.ServiceName));
        Assert.Equal(ServingStatus.NotServing, await CheckAsync(channel, string.Empty));
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, HealthProbes.Liveness));

        await File.WriteAllBytesAsync(file.FilePath, good);
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, DefaultsHost.ServiceName));
    }

    [Fact]
    public async Task SqliteFileDeleted_NotRecreatedEmpty_NotServing()
    {
        using var file = new SqliteTestFile();
        CreateDatabase(file.ConnectionString);
        await using var host = await StartAsync(file.ConnectionString, cacheFor: "00:00:00");
        using var channel = host.Channel();

        SqliteConnection.ClearAllPools();
        File.Delete(file.FilePath);

        Assert.Equal(ServingStatus.NotServing, await CheckAsync(channel, DefaultsHost.ServiceName));
        Assert.False(File.Exists(file.FilePath));
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, HealthProbes.Liveness));
    }

    [Fact]
    public async Task CachedAnswer_StoreBrokenWithinThePeriod_StillTheLastAnswer()
    {
        using var file = new SqliteTestFile();
        CreateDatabase(file.ConnectionString);
        await using var host = await StartAsync(file.ConnectionString, cacheFor: "00:01:00");
        using var channel = host.Channel();
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, DefaultsHost.ServiceName));

        await File.WriteAllTextAsync(file.FilePath, "not a database");

        // Probes within the period cost the store nothing: the answer is the one from the first query.
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, DefaultsHost.ServiceName));
    }

    [SkippableFact]
    public async Task Postgres_ServerAnswers_Serving()
    {
        var server = PostgresTestSchema.RequireServer();
        await using var host = await StartAsync(server, cacheFor: "00:00:00");
        using var channel = host.Channel();

        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, DefaultsHost.ServiceName));
    }

    [SkippableFact]
    public async Task Postgres_ClosedPort_NotServingWithinTheTimeoutLivenessServing()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestSchema.RequireServer()) { Port = FreePort.Next() }.ConnectionString;
        await using var host = await StartAsync(server, cacheFor: "00:00:00");
        using var channel = host.Channel();
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.Equal(ServingStatus.NotServing, await CheckAsync(channel, DefaultsHost.ServiceName));
        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(ServingStatus.Serving, await CheckAsync(channel, HealthProbes.Liveness));
    }

    private static Task<DefaultsHost> StartAsync(string connectionString, string cacheFor) =>
        DefaultsHost.StartAsync(
            new Dictionary<string, string?> { ["Health:Store:CacheFor"] = cacheFor, ["Health:Store:Timeout"] = "00:00:02" },
            b => b.Services.AddStoreReadiness(_ => connectionString));

    private static async Task<ServingStatus> CheckAsync(ChannelBase channel, string service) =>
        (await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service })).Status;

    private static void CreateDatabase(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO notes VALUES (1);";
        command.ExecuteNonQuery();
    }
}
