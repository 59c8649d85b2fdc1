using System.Text.Json;
using Microsoft.Data.Sqlite;
using Summaries.Entity.Annotation;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Entity.Registry.Sqlite;

/// <summary>
/// The registry in the entity service's own SQLite file. Writers take the file's write lock for the
/// whole registration (BEGIN IMMEDIATE), so registrations run one at a time.
/// </summary>
public sealed class SqliteEntityStore(string connectionString) : IEntityStore
{
    private const string RowColumns = "name, display_name, kind, aliases, roles";

    private readonly SqliteFile _file = new(connectionString);

    public string Description => "SQLite entity store " + _file.DataSource;

    public Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_file.Migrate(SqliteEntitySchema.Migrations));

    public async Task<IReadOnlyDictionary<string, string>> RegisterAsync(
        string articleName, IReadOnlyList<EntityInfo> entities, Func<IReadOnlyDictionary<string, string>, byte[]> payload,
        CancellationToken cancellationToken)
    {
        using var writing = await _file.EnterWriteAsync(cancellationToken);
        await using var connection = _file.Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        await ExecAsync(connection, tx, "DELETE FROM entity_articles WHERE article_name = $a", cancellationToken, ("$a", articleName));

        var candidates = new List<EntityRow>();
        await using (var select = Command(connection, tx, $"""
            SELECT {RowColumns} FROM entities
            WHERE name IN (SELECT value FROM json_each($names))
               OR name IN (SELECT MIN(entity_name) FROM entity_aliases
                           WHERE alias IN (SELECT value FROM json_each($aliases)) GROUP BY alias, kind)
            """, ("$names", JsonSerializer.Serialize(RegistrationPlan.NamesToFetch(entities))),
            ("$aliases", JsonSerializer.Serialize(RegistrationPlan.AliasesToFetch(entities)))))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new EntityRow(reader.GetString(0), reader.GetString(1), (EntityKind)reader.GetInt32(2), Strings(reader.GetString(3)), Strings(reader.GetString(4))));
            }
        }

        var plan = RegistrationPlan.Create(entities, candidates);
        foreach (var row in plan.Rows)
        {
            await ExecAsync(connection, tx, $"""
                INSERT INTO entities ({RowColumns}) VALUES ($n, $d, $k, $al, $r)
                ON CONFLICT(name) DO UPDATE SET aliases = excluded.aliases, roles = excluded.roles
                """, cancellationToken,
                ("$n", row.Name), ("$d", row.DisplayName), ("$k", (int)row.Kind),
                ("$al", JsonSerializer.Serialize(row.Aliases)), ("$r", JsonSerializer.Serialize(row.Roles)));
            await ExecAsync(connection, tx, "INSERT OR IGNORE INTO entity_aliases (alias, entity_name, kind) SELECT value, $n, $k FROM json_each($al)",
                cancellationToken, ("$n", row.Name), ("$k", (int)row.Kind), ("$al", JsonSerializer.Serialize(row.Aliases)));
        }

        foreach (var (name, mentions) in plan.Mentions)
        {
            await ExecAsync(connection, tx, "INSERT INTO entity_articles (entity_name, article_name, mention_count) VALUES ($n, $a, $c)",
                cancellationToken, ("$n", name), ("$a", articleName), ("$c", mentions));
        }

        await ExecAsync(connection, tx, """
            INSERT INTO annotations (article_name, payload) VALUES ($a, $p)
            ON CONFLICT(article_name) DO UPDATE SET payload = excluded.payload
            """, cancellationToken, ("$a", articleName), ("$p", payload(plan.Names)));
        await tx.CommitAsync(cancellationToken);
        return plan.Names;
    }

    public async Task<byte[]?> GetAnnotationAsync(string articleName, CancellationToken cancellationToken)
    {
        await using var connection = _file.Open();
        await using var command = Command(connection, null, "SELECT payload FROM annotations WHERE article_name = $a", ("$a", articleName));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<RegisteredEntity?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = _file.Open();
        await using var command = Command(connection, null, SelectEntities("WHERE e.name = $n", string.Empty), ("$n", name));
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<(IReadOnlyList<RegisteredEntity> Items, long? Next)> ListAsync(
        EntityFilter filter, int pageSize, long offset, CancellationToken cancellationToken)
    {
        await using var connection = _file.Open();
        await using var command = Command(connection, null, string.Empty, ("$limit", pageSize + 1), ("$offset", offset));
        var where = new List<string>();
        if (filter.Kind is { } kind)
        {
            where.Add("e.kind = $k");
            command.Parameters.AddWithValue("$k", (int)kind);
        }

        if (filter.ArticleName is { } article)
        {
            where.Add("EXISTS (SELECT 1 FROM entity_articles x WHERE x.entity_name = e.name AND x.article_name = $a)");
            command.Parameters.AddWithValue("$a", article);
        }

        command.CommandText = SelectEntities(
            where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty,
            "ORDER BY total DESC, e.name LIMIT $limit OFFSET $offset");
        var items = await ReadAllAsync(command, cancellationToken);
        return (items.Take(pageSize).ToList(), items.Count > pageSize ? offset + pageSize : null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string SelectEntities(string where, string orderAndLimit) => $"""
        SELECT e.name, e.display_name, e.kind, e.aliases, e.roles,
               COALESCE((SELECT SUM(mention_count) FROM entity_articles WHERE entity_name = e.name), 0) AS total,
               (SELECT json_group_array(article_name) FROM (SELECT article_name FROM entity_articles WHERE entity_name = e.name ORDER BY article_name))
        FROM entities e
        {where}
        {orderAndLimit}
        """;

    private static async Task<List<RegisteredEntity>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<RegisteredEntity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new RegisteredEntity(
                reader.GetString(0), reader.GetString(1), (EntityKind)reader.GetInt32(2),
                Strings(reader.GetString(3)), Strings(reader.GetString(4)), reader.GetInt32(5), Strings(reader.GetString(6))));
        }

        return items;
    }

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        return command;
    }

    private static async Task ExecAsync(
        SqliteConnection connection, SqliteTransaction tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
