using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.ServiceDefaults.Probes;

/// <summary>
/// Readiness of the service's store: a trivial query on a connection of its own, with a short
/// timeout, answered from a cache for <see cref="StoreReadinessOptions.CacheFor"/>. A SQLite file is
/// opened without create, so a missing or unreadable file fails instead of being recreated empty.
/// </summary>
public sealed partial class StoreReadinessCheck : IHealthCheck, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly StoreReadinessOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StoreReadinessCheck> _logger;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Lazy<NpgsqlDataSource>? _postgres;
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public StoreReadinessCheck(string connectionString, IOptions<StoreReadinessOptions> options, TimeProvider time, ILogger<StoreReadinessCheck> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connectionString = connectionString;
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (StoreConnection.KindOf(connectionString) == StoreKind.Postgres)
        {
            // Its own small pool: a store whose pool is exhausted by requests should still be probed,
            // and the probe must not take a connection the requests need.
            var builder = new NpgsqlConnectionStringBuilder(connectionString)
            {
                MaxPoolSize = 1,
                MinPoolSize = 0,
                Timeout = Math.Max(1, (int)Math.Ceiling(_options.Timeout.TotalSeconds)),
            };
            _postgres = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(builder.ConnectionString));
        }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && now - last.At < _options.CacheFor)
            {
                return last.Result;
            }

            var result = await QueryAsync(cancellationToken);
            _last = (result, _time.GetUtcNow());
            return result;
        }
        finally
        {
            _one.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is { IsValueCreated: true })
        {
            await _postgres.Value.DisposeAsync();
        }

        _one.Dispose();
    }

    private async Task<HealthCheckResult> QueryAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            if (_postgres is not null)
            {
                await using var command = _postgres.Value.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(timeout.Token);
            }
            else
            {
                await QuerySqliteAsync(timeout.Token);
            }

            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the cause (refused, timed out, file gone), the pod cannot serve: not ready.
            LogNotReady(_logger, ex.GetType().Name, ex.Message);
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }

    private async Task QuerySqliteAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString)
        {
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_options.Timeout.TotalSeconds)),
        };
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Reads the schema page: proves the file is there, readable and a database.
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the store does not answer ({Error}: {Message})")]
    private static partial void LogNotReady(ILogger logger, string error, string message);
}
