using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Summaries.ServiceDefaults.Errors;

/// <summary>A store error that a retry of the same call may not meet: what it was and how soon to retry.</summary>
public sealed record TransientStoreError(string Store, string Code, string Description, TimeSpan RetryAfter);

/// <summary>
/// Recognises the store errors that say "try again" rather than "this request is wrong": PostgreSQL
/// serialisation failures, deadlocks, lock timeouts, shutdowns and lost connections; SQLite busy or
/// locked files. Clients retry UNAVAILABLE, never INTERNAL, so these must not reach them as INTERNAL.
/// </summary>
public static class TransientStoreErrors
{
    /// <summary>A conflict with another transaction clears as soon as that one ends.</summary>
    public static readonly TimeSpan ConflictRetry = TimeSpan.FromMilliseconds(100);

    /// <summary>A server restarting or a connection re-established takes longer.</summary>
    public static readonly TimeSpan ConnectionRetry = TimeSpan.FromSeconds(1);

    // SQLSTATEs worth a retry that PostgresException.IsTransient does not (all) cover:
    // 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available,
    // 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown,
    // 57P03 cannot_connect_now (starting up), 53300 too_many_connections.
    private static readonly HashSet<string> ConflictStates = ["40001", "40P01", "55P03"];
    private static readonly HashSet<string> ConnectionStates = ["57P01", "57P02", "57P03", "53300"];

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>The transient store error in <paramref name="exception"/> or its inner exceptions, or null.</summary>
    public static TransientStoreError? Find(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (Classify(current) is { } found)
            {
                return found;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null);
            }
        }

        return null;
    }

    private static TransientStoreError? Classify(Exception exception) => exception switch
    {
        PostgresException pg when ConflictStates.Contains(pg.SqlState) =>
            new("postgresql", pg.SqlState, "the transaction conflicted with another", ConflictRetry),
        PostgresException pg when ConnectionStates.Contains(pg.SqlState) || pg.SqlState.StartsWith("08", StringComparison.Ordinal) =>
            new("postgresql", pg.SqlState, "the database server closed the connection or is not accepting new ones", ConnectionRetry),
        PostgresException pg when pg.IsTransient =>
            new("postgresql", pg.SqlState, "the database server is short of a resource", ConnectionRetry),
        PostgresException => null,
        // Without a SQLSTATE: the connection broke, could not be opened, or timed out.
        NpgsqlException npgsql when npgsql.IsTransient =>
            new("postgresql", "connection", "the database connection failed", ConnectionRetry),
        SqliteException sqlite when sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked =>
            new("sqlite", sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture), "the database file is locked by another writer", ConflictRetry),
        DbException db when db.IsTransient =>
            new(db.GetType().Name, db.SqlState ?? db.ErrorCode.ToString(CultureInfo.InvariantCulture), "the database reported a transient error", ConnectionRetry),
        _ => null,
    };
}
