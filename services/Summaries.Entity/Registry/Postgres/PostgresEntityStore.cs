using Npgsql;
using Summaries.Language;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Entity.Registry.Postgres;

/// <summary>
/// The registry in PostgreSQL, shared by every replica of the entity service. A registration
/// locks what it reads and writes (<see cref="RegistryLocks"/>), fetches the rows it could match in
/// one round trip, plans in memory and writes in a second; alias and role lists are merged in SQL,
/// so a concurrent registration reaching the same row through another path loses nothing.
/// </summary>
public sealed class PostgresEntityStore(string connectionString) : IEntityStore
{
    private const string RowColumns = "name, display_name, kind, aliases, roles";
    private const int ListingColumns = 4;

    private readonly NpgsqlDataSource _dataSource = StoreConnection.CreatePostgresDataSource(connectionString);

    public string Description => StoreConnection.DescribePostgres("entity store", connectionString);

    public async Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresEntitySchema.Plan.ApplyAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> RegisterAsync(
        string articleName, IReadOnlyList<EntityInfo> entities, Func<IReadOnlyDictionary<string, string>, byte[]> payload,
        CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        // Round trip 1: locks, the article's old counts gone, and the rows the entities could match.
        // Each statement reads after the locks are held, so it sees every conflicting registration committed.
        var names = RegistrationPlan.NamesToFetch(entities);
        var aliases = new List<Listing>();
        var keys = new List<Listing>();
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<EntityRow>();
        await using (var read = new NpgsqlBatch(connection, tx))
        {
            var lockKeys = RegistryLocks.Keys(articleName, entities);
            read.BatchCommands.Add(Batch(RegistryLocks.RegistryLockSql, ("keys", lockKeys), ("registry", RegistryLocks.Registry)));
            read.BatchCommands.Add(Batch(RegistryLocks.KeysLockSql, ("keys", lockKeys)));
            read.BatchCommands.Add(Batch("DELETE FROM entity_articles WHERE article_name = @a", ("a", articleName)));
            // Per alias (and kind) and per person key, only the first and last entity by name: enough to
            // tell one from several. A common alias comes to be listed by hundreds of entities, and
            // fetching them all slowed every registration as the registry grew.
            read.BatchCommands.Add(Batch(
                $"SELECT alias, kind, {ListedSql("entity_aliases", "alias = ANY(@aliases)", "alias, kind")}",
                ("aliases", RegistrationPlan.AliasesToFetch(entities))));
            read.BatchCommands.Add(Batch(
                $"SELECT key, 0, {ListedSql("entity_person_keys", "key = ANY(@keys)", "key")}",
                ("keys", RegistrationPlan.KeysToFetch(entities))));
            read.BatchCommands.Add(Batch("SELECT name, canonical_name FROM entity_merges WHERE name = ANY(@names)", ("names", names)));
            read.BatchCommands.Add(Batch($"""
                SELECT {RowColumns} FROM entities
                WHERE name = ANY(@names)
                   OR name IN (SELECT canonical_name FROM entity_merges WHERE name = ANY(@names))
                   OR name IN (SELECT unnest(ARRAY[min(entity_name), max(entity_name)]) FROM entity_aliases WHERE alias = ANY(@aliases) GROUP BY alias, kind)
                   OR name IN (SELECT unnest(ARRAY[min(entity_name), max(entity_name)]) FROM entity_person_keys WHERE key = ANY(@keys) GROUP BY key)
                """,
                ("names", names), ("aliases", RegistrationPlan.AliasesToFetch(entities)), ("keys", RegistrationPlan.KeysToFetch(entities))));
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            // Past the locks (and the DELETE, should it report an empty result) to the listings.
            while (reader.FieldCount != ListingColumns && await reader.NextResultAsync(cancellationToken))
            {
            }

            foreach (var listings in new[] { aliases, keys })
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    listings.Add(new Listing(reader.GetString(0), (EntityKind)reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
                }

                await reader.NextResultAsync(cancellationToken);
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                merged[reader.GetString(0)] = reader.GetString(1);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new EntityRow(
                    reader.GetString(0), reader.GetString(1), (EntityKind)reader.GetInt32(2),
                    reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4)));
            }
        }

        // Only when a short person name could join (or be adopted by) a fuller one: which of the
        // article's entities appear beside that person elsewhere (the event), read under the same locks.
        var view = new RegistryView(rows, aliases, keys, merged);
        var (candidates, context) = RegistrationPlan.EvidenceToFetch(entities, view);
        var evidence = candidates.Length == 0 ? null : new PersonEvidence(await CoOccurringAsync(connection, tx, candidates, context, cancellationToken));

        // Last round trip: rows in name order (so row locks are always taken in one order), counts, annotation.
        var plan = RegistrationPlan.Create(entities, view, evidence);
        await using (var write = new NpgsqlBatch(connection, tx))
        {
            foreach (var row in plan.Rows)
            {
                write.BatchCommands.Add(Batch($"""
                    INSERT INTO entities ({RowColumns}) VALUES (@n, @d, @k, @al, @r)
                    ON CONFLICT (name) DO UPDATE SET
                        aliases = entities.aliases || ARRAY(
                            SELECT x FROM unnest(excluded.aliases) WITH ORDINALITY AS u(x, i) WHERE x <> ALL(entities.aliases) ORDER BY i),
                        roles = entities.roles || ARRAY(
                            SELECT x FROM unnest(excluded.roles) WITH ORDINALITY AS u(x, i) WHERE x <> ALL(entities.roles) ORDER BY i)
                    """,
                    ("n", row.Name), ("d", row.DisplayName), ("k", (int)row.Kind), ("al", row.Aliases.ToArray()), ("r", row.Roles.ToArray())));
                write.BatchCommands.Add(Batch(
                    "INSERT INTO entity_aliases (alias, kind, entity_name) SELECT DISTINCT a, @k, @n FROM unnest(@al) AS a ON CONFLICT DO NOTHING",
                    ("n", row.Name), ("k", (int)row.Kind), ("al", row.Aliases.ToArray())));
            }

            if (plan.PersonKeys.Count > 0)
            {
                write.BatchCommands.Add(Batch(
                    "INSERT INTO entity_person_keys (key, entity_name) SELECT DISTINCT k, n FROM unnest(@keys, @names) AS p(k, n) ON CONFLICT DO NOTHING",
                    ("keys", plan.PersonKeys.Select(p => p.Key).ToArray()), ("names", plan.PersonKeys.Select(p => p.Name).ToArray())));
            }

            foreach (var merge in plan.Merges)
            {
                AddMerge(write, merge);
            }

            if (plan.Mentions.Count > 0)
            {
                write.BatchCommands.Add(Batch(
                    "INSERT INTO entity_articles (entity_name, article_name, mention_count) SELECT n, @a, c FROM unnest(@names, @counts) AS m(n, c)",
                    ("a", articleName), ("names", plan.Mentions.Select(m => m.Name).ToArray()), ("counts", plan.Mentions.Select(m => m.Mentions).ToArray())));
            }

            write.BatchCommands.Add(Batch("""
                INSERT INTO annotations (article_name, payload) VALUES (@a, @p)
                ON CONFLICT (article_name) DO UPDATE SET payload = excluded.payload
                """, ("a", articleName), ("p", payload(plan.Names))));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return plan.Names;
    }

    private static string ListedSql(string table, string where, string groupBy) =>
        $"min(entity_name), max(entity_name) FROM {table} WHERE {where} GROUP BY {groupBy}";

    /// <summary>For each candidate, the context names that appear in an article beside it: indexed lookups from its own articles.</summary>
    private static async Task<Dictionary<string, IReadOnlySet<string>>> CoOccurringAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string[] candidates, string[] context, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var select = new NpgsqlCommand("""
            SELECT DISTINCT c.entity_name, x.entity_name FROM entity_articles c
            JOIN entity_articles x ON x.article_name = c.article_name AND x.entity_name = ANY(@context)
            WHERE c.entity_name = ANY(@candidates)
            """, connection, tx);
        select.Parameters.AddWithValue("candidates", candidates);
        select.Parameters.AddWithValue("context", context);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var beside = found.TryGetValue(reader.GetString(0), out var set) ? set : found[reader.GetString(0)] = new HashSet<string>(StringComparer.Ordinal);
            beside.Add(reader.GetString(1));
        }

        return found.ToDictionary(f => f.Key, IReadOnlySet<string> (f) => f.Value, StringComparer.Ordinal);
    }

    /// <summary>The short row's articles move to the fuller person (in one statement, so a concurrent delete is seen); its old name answers with it from now on.</summary>
    private static void AddMerge(NpgsqlBatch write, EntityMerge merge)
    {
        (string, object)[] p = [("from", merge.From), ("into", merge.Into)];
        write.BatchCommands.Add(Batch("""
            WITH moved AS (DELETE FROM entity_articles WHERE entity_name = @from RETURNING article_name, mention_count)
            INSERT INTO entity_articles (entity_name, article_name, mention_count) SELECT @into, article_name, mention_count FROM moved
            ON CONFLICT (entity_name, article_name) DO UPDATE SET mention_count = entity_articles.mention_count + excluded.mention_count
            """, p));
        write.BatchCommands.Add(Batch("DELETE FROM entity_aliases WHERE entity_name = @from AND alias = ANY(@aliases)",
            ("from", merge.From), ("aliases", merge.RemovedAliases.ToArray())));
        write.BatchCommands.Add(Batch("DELETE FROM entity_person_keys WHERE entity_name = @from AND key = ANY(@keys)",
            ("from", merge.From), ("keys", merge.RemovedKeys.ToArray())));
        write.BatchCommands.Add(Batch("UPDATE entity_merges SET canonical_name = @into WHERE canonical_name = @from", p));
        write.BatchCommands.Add(Batch("INSERT INTO entity_merges (name, canonical_name) VALUES (@from, @into)", p));
        write.BatchCommands.Add(Batch("DELETE FROM entities WHERE name = @from", p));
    }

    public async Task<byte[]?> GetAnnotationAsync(string articleName, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT payload FROM annotations WHERE article_name = @a");
        command.Parameters.AddWithValue("a", articleName);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<RegisteredEntity?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(SelectEntities("WHERE e.name = COALESCE((SELECT canonical_name FROM entity_merges WHERE name = @n), @n)", string.Empty));
        command.Parameters.AddWithValue("n", name);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<(IReadOnlyList<RegisteredEntity> Items, long? Next)> ListAsync(
        EntityFilter filter, int pageSize, long offset, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        var where = new List<string>();
        if (filter.Kind is { } kind)
        {
            where.Add("e.kind = @k");
            command.Parameters.AddWithValue("k", (int)kind);
        }

        if (filter.ArticleName is { } article)
        {
            where.Add("EXISTS (SELECT 1 FROM entity_articles x WHERE x.entity_name = e.name AND x.article_name = @a)");
            command.Parameters.AddWithValue("a", article);
        }

        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.Parameters.AddWithValue("offset", offset);
        command.CommandText = SelectEntities(
            where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty,
            "ORDER BY total DESC, e.name LIMIT @limit OFFSET @offset");
        var items = await ReadAllAsync(command, cancellationToken);
        return (items.Take(pageSize).ToList(), items.Count > pageSize ? offset + pageSize : null);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static string SelectEntities(string where, string orderAndLimit) => $"""
        SELECT e.name, e.display_name, e.kind, e.aliases, e.roles, COALESCE(s.total, 0) AS total,
               ARRAY(SELECT r.article_name FROM (
                   SELECT article_name FROM entity_articles y WHERE y.entity_name = e.name
                   ORDER BY article_name DESC LIMIT {RegisteredEntity.MaxArticleNames}) r ORDER BY r.article_name),
               COALESCE(s.articles, 0) AS articles
        FROM entities e
        LEFT JOIN LATERAL (
            SELECT SUM(mention_count)::integer AS total, COUNT(*)::integer AS articles
            FROM entity_articles x WHERE x.entity_name = e.name) s ON true
        {where}
        {orderAndLimit}
        """;

    private static async Task<List<RegisteredEntity>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var items = new List<RegisteredEntity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new RegisteredEntity(
                reader.GetString(0), reader.GetString(1), (EntityKind)reader.GetInt32(2),
                reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4), reader.GetInt32(5), reader.GetFieldValue<string[]>(6), reader.GetInt32(7)));
        }

        return items;
    }

    private static NpgsqlBatchCommand Batch(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
