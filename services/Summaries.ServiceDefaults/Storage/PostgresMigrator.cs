using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>One schema step and what it does (kept in the history table's <c>description</c>).</summary>
public sealed record PostgresMigration(string Description, string Sql);

/// <summary>
/// Brings a store's tables up to date: its migrations run in order, each recorded in the store's
/// history table, all in one transaction under an advisory lock on (lock class, current schema), so
/// replicas starting together migrate once and the others wait, then find nothing to do. Tables
/// live in the connection's first search-path schema (<c>Search Path=…</c>).
/// </summary>
public static partial class PostgresMigrator
{
    /// <summary>Applies what is missing; returns the schema version reached and how many steps ran.</summary>
    /// <param name="historyTable">The store's own history table, so several stores can share a schema.</param>
    /// <param name="lockClass">The store's advisory-lock class (first key of <c>pg_advisory_xact_lock</c>).</param>
    public static async Task<SchemaVersion> ApplyAsync(
        NpgsqlConnection connection, string historyTable, int lockClass, IReadOnlyList<PostgresMigration> migrations,
        CancellationToken cancellationToken)
    {
        if (!TableName().IsMatch(historyTable))
        {
            throw new ArgumentException($"'{historyTable}' is not a plain table name.", nameof(historyTable));
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var prepare = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock({lockClass}, hashtext(current_schema()));
            CREATE TABLE IF NOT EXISTS {historyTable} (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, connection, transaction))
        {
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        int version;
        await using (var current = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {historyTable}", connection, transaction))
        {
            version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        if (version > migrations.Count)
        {
            throw new InvalidOperationException(
                $"The database has schema version {version} ({historyTable}), newer than this build knows ({migrations.Count}).");
        }

        for (var i = version; i < migrations.Count; i++)
        {
            await using var step = new NpgsqlCommand(migrations[i].Sql, connection, transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand($"INSERT INTO {historyTable} (version, description) VALUES (@version, @description)", connection, transaction);
            record.Parameters.AddWithValue("version", i + 1);
            record.Parameters.AddWithValue("description", migrations[i].Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SchemaVersion(migrations.Count, migrations.Count - version);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex TableName();
}
