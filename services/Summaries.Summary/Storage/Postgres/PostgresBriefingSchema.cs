using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Storage.Postgres;

/// <summary>
/// The briefing store's PostgreSQL schema as ordered migrations, recorded in
/// <c>summary_schema_migrations</c>. Append new steps; never edit one that has shipped.
/// </summary>
internal static class PostgresBriefingSchema
{
    public const string HistoryTable = "summary_schema_migrations";

    // pg_advisory_xact_lock(class, hashtext(current_schema())) while migrating.
    public const int MigrationLockClass = 0x5EED_0021;

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        // Identity values are never reused, so page tokens survive deletes.
        new("briefings, the articles they cite, and the request cache", """
            CREATE TABLE briefings (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                create_time timestamptz NOT NULL,
                payload bytea NOT NULL);
            CREATE TABLE briefing_articles (
                briefing_seq bigint NOT NULL REFERENCES briefings (seq) ON DELETE CASCADE,
                article_name text NOT NULL,
                PRIMARY KEY (briefing_seq, article_name));
            CREATE INDEX ix_briefing_articles_article ON briefing_articles (article_name, briefing_seq);
            CREATE TABLE briefing_cache (
                cache_key text PRIMARY KEY,
                briefing_id text NOT NULL REFERENCES briefings (id) ON DELETE CASCADE);
            """),

        // Existing rows hold the wire message; the store rewrites them as JSON after migrating. The
        // default stays 1: a replica of the release before, still running during a rolling upgrade,
        // writes rows without a format, and they hold the wire message too.
        new("the payload's format (1 the wire message, 2 JSON of the domain briefing)", """
            ALTER TABLE briefings ADD COLUMN format smallint NOT NULL DEFAULT 1;
            CREATE INDEX ix_briefings_wire_payload ON briefings (seq) WHERE format = 1;
            """),
    ];
}
