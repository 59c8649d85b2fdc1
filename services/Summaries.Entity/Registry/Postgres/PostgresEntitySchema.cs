using Summaries.ServiceDefaults.Storage;

namespace Summaries.Entity.Registry.Postgres;

/// <summary>
/// The registry's PostgreSQL schema as ordered migrations, recorded in <c>entity_schema_migrations</c>.
/// Append new steps; never edit one that has shipped. Names sort byte-wise (<c>COLLATE "C"</c>),
/// as in SQLite, so both stores page in the same order.
/// </summary>
internal static class PostgresEntitySchema
{
    // Migrates under pg_advisory_xact_lock(0x5EED_0011, hashtext(current_schema())).
    public static PostgresSchemaPlan Plan { get; } = new("entity_schema_migrations", 0x5EED_0011,
    [
        new("entities, their articles and annotations", """
            CREATE TABLE entities (
                name text COLLATE "C" PRIMARY KEY,
                display_name text NOT NULL,
                kind integer NOT NULL,
                aliases text[] NOT NULL,
                roles text[] NOT NULL);
            CREATE INDEX ix_entities_aliases ON entities USING gin (aliases);
            CREATE TABLE entity_articles (
                entity_name text COLLATE "C" NOT NULL REFERENCES entities (name),
                article_name text COLLATE "C" NOT NULL,
                mention_count integer NOT NULL,
                PRIMARY KEY (entity_name, article_name));
            CREATE INDEX ix_entity_articles_article ON entity_articles (article_name);
            CREATE TABLE annotations (
                article_name text PRIMARY KEY,
                payload bytea NOT NULL);
            """),
        new("each alias with its entity's kind, indexed (the first entity by name per alias and kind)", """
            CREATE TABLE entity_aliases (
                alias text NOT NULL,
                kind integer NOT NULL,
                entity_name text COLLATE "C" NOT NULL REFERENCES entities (name),
                PRIMARY KEY (alias, kind, entity_name));
            INSERT INTO entity_aliases (alias, kind, entity_name)
                SELECT DISTINCT a, e.kind, e.name FROM entities e, unnest(e.aliases) AS a;
            """),
        new("person short-form keys, and short-named rows merged into the fuller person they name", """
            CREATE TABLE entity_person_keys (
                key text COLLATE "C" NOT NULL,
                entity_name text COLLATE "C" NOT NULL REFERENCES entities (name),
                PRIMARY KEY (key, entity_name));
            CREATE TABLE entity_merges (
                name text COLLATE "C" PRIMARY KEY,
                canonical_name text COLLATE "C" NOT NULL REFERENCES entities (name));
            CREATE INDEX ix_entity_merges_canonical ON entity_merges (canonical_name);
            """),
    ]);
}
