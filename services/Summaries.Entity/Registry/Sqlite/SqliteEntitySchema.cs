namespace Summaries.Entity.Registry.Sqlite;

/// <summary>
/// The registry's SQLite schema as ordered steps; <c>PRAGMA user_version</c> counts those applied.
/// Append new steps; never edit one that has shipped.
/// </summary>
internal static class SqliteEntitySchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // v1. IF NOT EXISTS: files made before versioning (user_version 0) already hold these tables.
        """
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
        """,

        // v2. Aliases indexed, so finding an entity by alias does not scan every entity's alias list.
        """
        CREATE TABLE entity_aliases (
            alias TEXT NOT NULL,
            entity_name TEXT NOT NULL REFERENCES entities(name),
            PRIMARY KEY (alias, entity_name)) WITHOUT ROWID;
        INSERT OR IGNORE INTO entity_aliases (alias, entity_name)
            SELECT a.value, e.name FROM entities e, json_each(e.aliases) a;
        """,

        // v3. The entity's kind beside each alias, indexed, so registration finds the first entity by
        // name of each kind listing an alias in the index alone: a common alias ("Blinken") comes to be
        // listed by hundreds of entities, and fetching them all made every registration slower as the
        // registry grew.
        """
        ALTER TABLE entity_aliases ADD COLUMN kind INTEGER NOT NULL DEFAULT 0;
        UPDATE entity_aliases SET kind = (SELECT e.kind FROM entities e WHERE e.name = entity_aliases.entity_name);
        CREATE INDEX ix_entity_aliases_kind ON entity_aliases(alias, kind, entity_name);
        """,

        // v4. Cross-article coreference of people: the short-form keys under which a person is found
        // ("s:boehm", "f:ole-mjoes"), and short-named rows merged into the fuller person they name
        // (their old names answer with the canonical entity). People registered before v4 gain their
        // keys when an article names them again.
        """
        CREATE TABLE entity_person_keys (
            key TEXT NOT NULL,
            entity_name TEXT NOT NULL REFERENCES entities(name),
            PRIMARY KEY (key, entity_name)) WITHOUT ROWID;
        CREATE TABLE entity_merges (
            name TEXT PRIMARY KEY,
            canonical_name TEXT NOT NULL REFERENCES entities(name));
        CREATE INDEX ix_entity_merges_canonical ON entity_merges(canonical_name);
        """,
    ];
}
