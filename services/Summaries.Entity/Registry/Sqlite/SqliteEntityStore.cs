using System.Text.Json;
using Microsoft.Data.Sqlite;
using Summaries.Language;
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

        var view = await ReadViewAsync(connection, tx, entities, cancellationToken);
        var (candidates, context) = RegistrationPlan.EvidenceToFetch(entities, view);
        var evidence = candidates.Length == 0 ? null : new PersonEvidence(await CoOccurringAsync(connection, tx, candidates, context, cancellationToken));
        var plan = RegistrationPlan.Create(entities, view, evidence);
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

        foreach (var (key, name) in plan.PersonKeys)
        {
            await ExecAsync(connection, tx, "INSERT OR IGNORE INTO entity_person_keys (key, entity_name) VALUES ($key, $n)",
                cancellationToken, ("$key", key), ("$n", name));
        }

        foreach (var merge in plan.Merges)
        {
            await MergeAsync(connection, tx, merge, cancellationToken);
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

    /// <summary>What the plan reads: listings of the entities' aliases and person keys, merged names, and the rows they name.</summary>
    private static async Task<RegistryView> ReadViewAsync(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<EntityInfo> entities, CancellationToken cancellationToken)
    {
        var names = RegistrationPlan.NamesToFetch(entities);
        var aliases = await ListingsAsync(connection, tx, """
            SELECT alias, kind, MIN(entity_name), MAX(entity_name) FROM entity_aliases
            WHERE alias IN (SELECT value FROM json_each($lookups)) GROUP BY alias, kind
            """, RegistrationPlan.AliasesToFetch(entities), cancellationToken);
        var keys = await ListingsAsync(connection, tx, """
            SELECT key, 0, MIN(entity_name), MAX(entity_name) FROM entity_person_keys
            WHERE key IN (SELECT value FROM json_each($lookups)) GROUP BY key
            """, RegistrationPlan.KeysToFetch(entities), cancellationToken);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = Command(connection, tx, "SELECT name, canonical_name FROM entity_merges WHERE name IN (SELECT value FROM json_each($names))",
            ("$names", JsonSerializer.Serialize(names))))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                merged[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var wanted = names.Concat(merged.Values).Concat(aliases.Concat(keys).SelectMany(l => new[] { l.First, l.Last })).Distinct(StringComparer.Ordinal);
        var rows = new List<EntityRow>();
        await using (var select = Command(connection, tx, $"SELECT {RowColumns} FROM entities WHERE name IN (SELECT value FROM json_each($names))",
            ("$names", JsonSerializer.Serialize(wanted))))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new EntityRow(reader.GetString(0), reader.GetString(1), (EntityKind)reader.GetInt32(2), Strings(reader.GetString(3)), Strings(reader.GetString(4))));
            }
        }

        return new RegistryView(rows, aliases, keys, merged);
    }

    private static async Task<List<Listing>> ListingsAsync(SqliteConnection connection, SqliteTransaction tx, string sql, string[] lookups, CancellationToken cancellationToken)
    {
        var listings = new List<Listing>();
        await using var select = Command(connection, tx, sql, ("$lookups", JsonSerializer.Serialize(lookups)));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            listings.Add(new Listing(reader.GetString(0), (EntityKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
        }

        return listings;
    }

    /// <summary>For each candidate, the context names that appear in an article beside it: indexed lookups from its own articles.</summary>
    private static async Task<Dictionary<string, IReadOnlySet<string>>> CoOccurringAsync(
        SqliteConnection connection, SqliteTransaction tx, string[] candidates, string[] context, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var select = Command(connection, tx, """
            SELECT DISTINCT c.entity_name, x.entity_name FROM entity_articles c
            JOIN entity_articles x ON x.article_name = c.article_name AND x.entity_name IN (SELECT value FROM json_each($context))
            WHERE c.entity_name IN (SELECT value FROM json_each($candidates))
            """, ("$candidates", JsonSerializer.Serialize(candidates)), ("$context", JsonSerializer.Serialize(context)));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var beside = found.TryGetValue(reader.GetString(0), out var set) ? set : found[reader.GetString(0)] = new HashSet<string>(StringComparer.Ordinal);
            beside.Add(reader.GetString(1));
        }

        return found.ToDictionary(f => f.Key, IReadOnlySet<string> (f) => f.Value, StringComparer.Ordinal);
    }

    /// <summary>The short row's articles move to the fuller person; its old name answers with it from now on.</summary>
    private static async Task MergeAsync(SqliteConnection connection, SqliteTransaction tx, EntityMerge merge, CancellationToken cancellationToken)
    {
        (string, object)[] p = [("$from", merge.From), ("$into", merge.Into),
            ("$aliases", JsonSerializer.Serialize(merge.RemovedAliases)), ("$keys", JsonSerializer.Serialize(merge.RemovedKeys))];
        await ExecAsync(connection, tx, """
            INSERT INTO entity_articles (entity_name, article_name, mention_count)
            SELECT $into, article_name, mention_count FROM entity_articles WHERE entity_name = $from
            ON CONFLICT(entity_name, article_name) DO UPDATE SET mention_count = mention_count + excluded.mention_count;
            DELETE FROM entity_articles WHERE entity_name = $from;
            DELETE FROM entity_aliases WHERE entity_name = $from AND alias IN (SELECT value FROM json_each($aliases));
            DELETE FROM entity_person_keys WHERE entity_name = $from AND key IN (SELECT value FROM json_each($keys));
            UPDATE entity_merges SET canonical_name = $into WHERE canonical_name = $from;
            INSERT INTO entity_merges (name, canonical_name) VALUES ($from, $into);
            DELETE FROM entities WHERE name = $from;
            """, cancellationToken, p);
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
        await using var command = Command(connection, null, SelectEntities("WHERE e.name = COALESCE((SELECT canonical_name FROM entity_merges WHERE name = $n), $n)", string.Empty), ("$n", name));
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
               (SELECT json_group_array(article_name) FROM (SELECT article_name FROM (
                    SELECT article_name FROM entity_articles WHERE entity_name = e.name ORDER BY article_name DESC LIMIT {RegisteredEntity.MaxArticleNames})
                    ORDER BY article_name)),
               (SELECT COUNT(*) FROM entity_articles WHERE entity_name = e.name)
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
                Strings(reader.GetString(3)), Strings(reader.GetString(4)), reader.GetInt32(5), Strings(reader.GetString(6)), reader.GetInt32(7)));
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
