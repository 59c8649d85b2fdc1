using System.Data;
using System.Data.Common;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Npgsql;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Tests.Infrastructure;

namespace Summaries.ServiceDefaults.Tests.Errors;

/// <summary>
/// Real store failures raised inside real gRPC calls: the ones a retry may not meet reach the client
/// as UNAVAILABLE with RetryInfo and ErrorInfo STORE_UNAVAILABLE, in unary and streaming calls alike.
/// </summary>
public sealed class TransientStoreErrorTests
{
    [SkippableFact]
    public async Task PostgresSerializationFailure_UnaryCall_UnavailableWithShortRetry()
    {
        using var schema = new PostgresTestSchema();
        schema.Execute("CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL); INSERT INTO counters VALUES (1, 0);");
        var script = new ScriptedServices
        {
            Work = async ct =>
            {
                await using var mine = await OpenPostgresAsync(schema.ConnectionString, ct);
                await using var transaction = await mine.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                await ExecuteAsync(mine, "SELECT n FROM counters WHERE id = 1", ct); // the snapshot is taken here
                await using (var other = await OpenPostgresAsync(schema.ConnectionString, ct))
                {
                    await ExecuteAsync(other, "UPDATE counters SET n = n + 1 WHERE id = 1", ct);
                }

                // 40001: could not serialize access due to concurrent update.
                await ExecuteAsync(mine, "UPDATE counters SET n = n + 1 WHERE id = 1", ct);
            },
        };
        await using var host = await StartAsync(script);
        using var channel = host.Channel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new EntityService.EntityServiceClient(channel).GetEntityAsync(new GetEntityRequest { Name = "entities/x" }).ResponseAsync);

        var info = AssertStoreUnavailable(error, TimeSpan.FromSeconds(1));
        Assert.Equal("postgresql", info.Metadata["store"]);
        Assert.Equal("40001", info.Metadata["code"]);
    }

    [SkippableFact]
    public async Task PostgresBackendTerminated_MidStream_UnavailableAfterTheFirstMessage()
    {
        using var schema = new PostgresTestSchema();
        var script = new ScriptedServices
        {
            Work = async ct =>
            {
                await using var mine = await OpenPostgresAsync(schema.ConnectionString, ct);
                await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", mine);
                var backend = (int)(await pid.ExecuteScalarAsync(ct))!;
                await using (var admin = await OpenPostgresAsync(schema.Server, ct))
                {
                    await ExecuteAsync(admin, $"SELECT pg_terminate_backend({backend})", ct);
                }

                await ExecuteAsync(mine, "SELECT 1", ct);
            },
        };
        await using var host = await StartAsync(script);
        using var channel = host.Channel();
        using var call = new IngestionService.IngestionServiceClient(channel).WatchArticles(new WatchArticlesRequest());

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        var info = AssertStoreUnavailable(error, TimeSpan.FromSeconds(5));
        Assert.Equal("postgresql", info.Metadata["store"]);
    }

    [Fact]
    public async Task SqliteBusy_AnotherConnectionHoldsTheWriteLock_Unavailable()
    {
        using var file = new SqliteTestFile();
        await using var holder = new SqliteConnection(file.ConnectionString);
        await holder.OpenAsync();
        await ExecuteAsync(holder, "CREATE TABLE notes (id INTEGER PRIMARY KEY)", CancellationToken.None);
        await using var lockHeld = await holder.BeginTransactionAsync(IsolationLevel.Serializable);
        await ExecuteAsync(holder, "INSERT INTO notes VALUES (1)", CancellationToken.None);
        var script = new ScriptedServices { Work = ct => InsertWithShortTimeoutAsync(file.ConnectionString, 2, ct) };
        await using var host = await StartAsync(script);
        using var channel = host.Channel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new IngestionService.IngestionServiceClient(channel).DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/x" }).ResponseAsync);

        var info = AssertStoreUnavailable(error, TimeSpan.FromSeconds(1));
        Assert.Equal("sqlite", info.Metadata["store"]);
        Assert.Equal("5", info.Metadata["code"]);
    }

    [Fact]
    public async Task SqliteConstraintViolation_NotTransient_StaysInternal()
    {
        using var file = new SqliteTestFile();
        await using (var setup = new SqliteConnection(file.ConnectionString))
        {
            await setup.OpenAsync();
            await ExecuteAsync(setup, "CREATE TABLE notes (id INTEGER PRIMARY KEY); INSERT INTO notes VALUES (1);", CancellationToken.None);
        }

        var script = new ScriptedServices { Work = ct => InsertWithShortTimeoutAsync(file.ConnectionString, 1, ct) };
        await using var host = await StartAsync(script);
        using var channel = host.Channel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new IngestionService.IngestionServiceClient(channel).DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/x" }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Null(error.GetRpcStatus()!.GetDetail<RetryInfo>());
    }

    private static ErrorInfo AssertStoreUnavailable(RpcException error, TimeSpan longestRetry)
    {
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var status = error.GetRpcStatus()!;
        var info = status.GetDetail<ErrorInfo>()!;
        Assert.Equal("STORE_UNAVAILABLE", info.Reason);
        Assert.Equal("summaries.dev", info.Domain);
        Assert.InRange(status.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), longestRetry);
        return info;
    }

    private static Task<DefaultsHost> StartAsync(ScriptedServices script) =>
        DefaultsHost.StartAsync(new Dictionary<string, string?>(), b => ScriptedServices.Add(b, script), ScriptedServices.Map);

    private static async Task InsertWithShortTimeoutAsync(string connectionString, int id, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Microsoft.Data.Sqlite retries a busy database until the command timeout; one second is enough here.
        command.CommandTimeout = 1;
        command.CommandText = $"INSERT INTO notes VALUES ({id})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        // No pooling: the terminated connection must not go back to a pool other tests draw from.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
