using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Storage.Postgres;

/// <summary>
/// The briefing store's PostgreSQL schema as ordered migrations, recorded in
/// <c>summary_schema_migrations</c>. Append new steps; never edit one that has shipped.
/// </summary>
internal static class PostgresBriefingSchema
{
    // Migrates under pg_advisory_xact_lock(0x5EED_0021, hashtext(current_schema())).
    public static PostgresSchemaPlan Plan { get; } = new("summary_schema_migrations", 0x5EED_0021,
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

        // Expand only: rows of earlier releases have no document until the store carries them over
        // after migrating; payload keeps the wire message, still written for one release so that a
        // replica of the release before, serving during a rolling upgrade, reads every row.
        new("briefings as JSON of the domain record (document), beside the wire payload", """
            ALTER TABLE briefings ADD COLUMN document jsonb;
            CREATE INDEX ix_briefings_without_document ON briefings (seq) WHERE document IS NULL;
            """),
    ]);
}
