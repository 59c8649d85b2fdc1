using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>One schema step and what it does (kept in the history table's <c>description</c>).</summary>
/// <param name="Contracts">
/// True for a step an older build cannot serve on (a column or table it reads is dropped or renamed).
/// Steps are expand-only by default: they add, so a build that does not know them keeps serving
/// beside a newer replica during a rolling upgrade; a contract step comes a release later, once no
/// older build runs.
/// </param>
public sealed record PostgresMigration(string Description, string Sql, bool Contracts = false);

/// <summary>
/// Brings a store's tables up to date: its migrations run in order, each recorded in the store's
/// history table, all in one transaction under an advisory lock on (lock class, current schema), so
/// replicas starting together migrate once and the others wait, then find nothing to do. Tables
/// live in the connection's first search-path schema (<c>Search Path=…</c>). A database already past
/// this build's steps is served when every newer step is expand-only, and refused when one contracts.
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
            ALTER TABLE {historyTable} ADD COLUMN IF NOT EXISTS contracts boolean NOT NULL DEFAULT false;
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
            await using var contract = new NpgsqlCommand(
                $"SELECT MIN(version) FROM {historyTable} WHERE version > @known AND contracts", connection, transaction);
            contract.Parameters.AddWithValue("known", migrations.Count);
            if (await contract.ExecuteScalarAsync(cancellationToken) is int step)
            {
                throw new InvalidOperationException(
                    $"The database has schema version {version} ({historyTable}), newer than this build knows ({migrations.Count}), "
                    + $"and step {step} removed what this build reads: run a build that knows at least version {step}.");
            }

            await transaction.CommitAsync(cancellationToken);
            return new SchemaVersion(version, 0, migrations.Count);
        }

        for (var i = version; i < migrations.Count; i++)
        {
            await using var step = new NpgsqlCommand(migrations[i].Sql, connection, transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand(
                $"INSERT INTO {historyTable} (version, description, contracts) VALUES (@version, @description, @contracts)", connection, transaction);
            record.Parameters.AddWithValue("version", i + 1);
            record.Parameters.AddWithValue("description", migrations[i].Description);
            record.Parameters.AddWithValue("contracts", migrations[i].Contracts);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SchemaVersion(migrations.Count, migrations.Count - version, migrations.Count);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex TableName();
}

/// <summary>
/// One store's PostgreSQL schema: its history table, its advisory-lock class and its steps, in
/// order. Append new steps; never edit one that has shipped.
/// </summary>
public sealed record PostgresSchemaPlan(string HistoryTable, int LockClass, IReadOnlyList<PostgresMigration> Migrations)
{
    /// <inheritdoc cref="PostgresMigrator.ApplyAsync"/>
    public Task<SchemaVersion> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        PostgresMigrator.ApplyAsync(connection, HistoryTable, LockClass, Migrations, cancellationToken);
}
