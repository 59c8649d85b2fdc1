using System.Text.Json;
using Microsoft.Data.Sqlite;
using Summaries.ServiceDefaults.Storage;
using Summaries.Entity.Annotation;

namespace Summaries.Entity.Registry;

/// <summary>
/// The entity service's own SQLite file: the registry of canonical entities (with aliases, roles
/// and the articles they appear in) and each article's latest annotation.
/// </summary>
public sealed class SqliteEntityStore
{
    private readonly SqliteFile _file;

    public SqliteEntityStore(string connectionString)
    {
        _file = new SqliteFile(connectionString);
        _file.Migrate("""
            CREATE TABLE IF NOT EXISTS entities (
                name TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                kind INTEGER NOT NULL,
                aliases TEXT NOT NULL,
                roles TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS entity_articles (
                entity_name TEXT NOT NULL REFERENCES entities(name),
                article_name TEXT NOT NULL,
                mention_count INTEGER NOT NULL,
                PRIMARY KEY (entity_name, article_name));
            CREATE INDEX IF NOT EXISTS ix_entity_articles_article ON entity_articles(article_name);
            CREATE TABLE IF NOT EXISTS annotations (
                article_name TEXT PRIMARY KEY,
                payload BLOB NOT NULL);
            """);
    }

    /// <summary>
    /// Records an article's entities in the registry (replacing that article's earlier counts) and
    /// returns the registry name of each entity key. The payload is built by the caller from those names.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> RegisterAsync(
        string articleName, IReadOnlyList<EntityInfo> entities, Func<IReadOnlyDictionary<string, string>, byte[]> payload,
        CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        await ExecAsync(connection, tx, "DELETE FROM entity_articles WHERE article_name = $a", cancellationToken, ("$a", articleName));

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            var name = await ResolveAsync(connection, tx, e, cancellationToken);
            names[e.Key] = name;
            var existing = await ReadAsync(connection, tx, name, cancellationToken);
            var aliases = Union(existing?.Aliases, e.Aliases.Append(e.DisplayName));
            var roles = Union(existing?.Roles, e.Roles.Select(r => r.Text));
            await ExecAsync(connection, tx, """
                INSERT INTO entities (name, display_name, kind, aliases, roles) VALUES ($n, $d, $k, $al, $r)
                ON CONFLICT(name) DO UPDATE SET aliases = excluded.aliases, roles = excluded.roles
                """, cancellationToken,
                ("$n", name), ("$d", existing?.DisplayName ?? e.DisplayName), ("$k", (int)e.Kind),
                ("$al", JsonSerializer.Serialize(aliases)), ("$r", JsonSerializer.Serialize(roles)));
            await ExecAsync(connection, tx, """
                INSERT INTO entity_articles (entity_name, article_name, mention_count) VALUES ($n, $a, $c)
                ON CONFLICT(entity_name, article_name) DO UPDATE SET mention_count = mention_count + excluded.mention_count
                """, cancellationToken, ("$n", name), ("$a", articleName), ("$c", e.MentionCount));
        }

        await ExecAsync(connection, tx, """
            INSERT INTO annotations (article_name, payload) VALUES ($a, $p)
            ON CONFLICT(article_name) DO UPDATE SET payload = excluded.payload
            """, cancellationToken, ("$a", articleName), ("$p", payload(names)));
        await tx.CommitAsync(cancellationToken);
        return names;
    }

    public async Task<byte[]?> GetAnnotationAsync(string articleName, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM annotations WHERE article_name = $a";
        command.Parameters.AddWithValue("$a", articleName);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<RegisteredEntity?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        return await ReadAsync(connection, null, name, cancellationToken);
    }

    /// <summary>Most mentioned first; the page position is an offset into that order.</summary>
    public async Task<(IReadOnlyList<RegisteredEntity> Items, long? Next)> ListAsync(
        EntityFilter filter, int pageSize, long offset, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
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

        command.CommandText = """
            SELECT e.name FROM entities e
            LEFT JOIN entity_articles ea ON ea.entity_name = e.name
            """ + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty) + """

            GROUP BY e.name
            ORDER BY COALESCE(SUM(ea.mention_count), 0) DESC, e.name
            LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$limit", pageSize + 1);
        command.Parameters.AddWithValue("$offset", offset);
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var items = new List<RegisteredEntity>();
        foreach (var name in names.Take(pageSize))
        {
            items.Add((await ReadAsync(connection, null, name, cancellationToken))!);
        }

        return (items, names.Count > pageSize ? offset + pageSize : null);
    }

    /// <summary>An entity is the same as a registered one with its exact name, or one of that kind that lists its display name as an alias.</summary>
    private static async Task<string> ResolveAsync(SqliteConnection connection, SqliteTransaction tx, EntityInfo e, CancellationToken cancellationToken)
    {
        var name = EntityNames.For(e.Kind, e.DisplayName);
        if (await ReadAsync(connection, tx, name, cancellationToken) is not null)
        {
            return name;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT name FROM entities WHERE kind = $k AND EXISTS (SELECT 1 FROM json_each(aliases) WHERE value = $d) ORDER BY name LIMIT 1";
        command.Parameters.AddWithValue("$k", (int)e.Kind);
        command.Parameters.AddWithValue("$d", e.DisplayName);
        return await command.ExecuteScalarAsync(cancellationToken) as string ?? name;
    }

    private static async Task<RegisteredEntity?> ReadAsync(SqliteConnection connection, SqliteTransaction? tx, string name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            SELECT display_name, kind, aliases, roles,
                   (SELECT COALESCE(SUM(mention_count), 0) FROM entity_articles WHERE entity_name = $n),
                   (SELECT json_group_array(article_name) FROM (SELECT article_name FROM entity_articles WHERE entity_name = $n ORDER BY article_name))
            FROM entities WHERE name = $n
            """;
        command.Parameters.AddWithValue("$n", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new RegisteredEntity(
            name,
            reader.GetString(0),
            (EntityKind)reader.GetInt32(1),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [],
            JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
            reader.GetInt32(4),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? []);
    }

    private static List<string> Union(IEnumerable<string>? existing, IEnumerable<string> added) =>
        (existing ?? []).Concat(added).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();

    private static async Task ExecAsync(
        SqliteConnection connection, SqliteTransaction tx, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open() => _file.Open();
}
