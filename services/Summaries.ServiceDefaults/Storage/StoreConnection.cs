using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>Which database a service's store lives in.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Reads a store's connection string (section <c>ConnectionStrings</c>): one with a <c>Host=</c>
/// keyword selects PostgreSQL (<c>Host=db;Database=…;Username=…;Password=…</c>, optionally
/// <c>Search Path=schema</c>); anything else is a SQLite one (<c>Data Source=file.db</c>).
/// </summary>
public static partial class StoreConnection
{
    public static StoreKind KindOf(string connectionString) =>
        HostKeyword().IsMatch(connectionString) ? StoreKind.Postgres : StoreKind.Sqlite;

    /// <summary>"PostgreSQL {what} {database} on {host} (search path …)", for the start-up log; never the password.</summary>
    public static string DescribePostgres(string what, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {what} {builder.Database} on {builder.Host} (search path {builder.SearchPath ?? "default"})";
    }

    /// <summary>
    /// A pooled PostgreSQL data source for a store. Unless the string says otherwise, the statements a
    /// connection runs repeatedly are prepared on the server after their second use (<c>Max Auto
    /// Prepare=20;Auto Prepare Min Usages=2</c>): a store runs the same few statements for every row,
    /// and parsing and planning each again cost the ingestion benchmark a third of its throughput.
    /// <c>Max Auto Prepare=0</c> in the string turns it off.
    /// </summary>
    public static NpgsqlDataSource CreatePostgresDataSource(string connectionString)
    {
        // Keywords as written (Npgsql's own builder cannot tell an explicit 0 from its default).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 20;
        }

        if (!written.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Why the string cannot open its store, or null when it can; checked at start.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "a connection string is required ('Data Source=<file>' for SQLite, 'Host=…' for PostgreSQL).";
        }

        try
        {
            return KindOf(connectionString) == StoreKind.Postgres
                ? string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host) ? "a PostgreSQL connection string needs a Host." : null
                : string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource) ? "a SQLite connection string needs a Data Source (or use Host=… for PostgreSQL)." : null;
        }
        catch (ArgumentException ex)
        {
            return $"not a valid {(KindOf(connectionString) == StoreKind.Postgres ? "PostgreSQL" : "SQLite")} connection string: {ex.Message}";
        }
    }

    [GeneratedRegex(@"(?:^|;)\s*Host\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKeyword();
}
