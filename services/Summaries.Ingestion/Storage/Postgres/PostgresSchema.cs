using Summaries.ServiceDefaults.Storage;

namespace Summaries.Ingestion.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as ordered migrations; <c>schema_migrations</c> records which have run.
/// Append new steps; never edit a step that has shipped. Matches the SQLite schema column for column.
/// </summary>
internal static class PostgresSchema
{
    public static PostgresSchemaPlan Plan { get; } = new("schema_migrations", PostgresDatabase.MigrationLockClass,
    [
        // Identity values are never reused, so cursors and page tokens survive deletes. UNIQUE treats
        // NULL request ids as distinct.
        new("articles, band keys and their indexes", """
            CREATE TABLE articles (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id text NOT NULL UNIQUE,
                request_id text NULL UNIQUE,
                content_hash text NOT NULL UNIQUE,
                title text NOT NULL,
                body text NOT NULL,
                cleaned_body text NOT NULL,
                cleaned_segments bytea NOT NULL,
                source text NOT NULL,
                url text NOT NULL,
                publish_time timestamptz NULL,
                language text NOT NULL,
                create_time timestamptz NOT NULL,
                duplicate_of text NOT NULL DEFAULT '',
                duplicate_similarity double precision NOT NULL DEFAULT 0,
                story text NOT NULL,
                annotation_state integer NOT NULL,
                annotation_error text NOT NULL DEFAULT '',
                annotation_attempts integer NOT NULL DEFAULT 0,
                next_annotation_ms bigint NULL);
            CREATE INDEX ix_articles_source ON articles (source, seq);
            CREATE INDEX ix_articles_language ON articles (language, seq);
            CREATE INDEX ix_articles_story ON articles (story, seq);
            CREATE INDEX ix_articles_duplicate_of ON articles (duplicate_of, seq);
            CREATE INDEX ix_articles_publish_time ON articles (publish_time);
            CREATE INDEX ix_articles_annotation_due ON articles (next_annotation_ms) WHERE annotation_state = 1;
            CREATE TABLE article_bands (
                band_key bigint NOT NULL,
                seq bigint NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
                PRIMARY KEY (band_key, seq));
            CREATE INDEX ix_article_bands_seq ON article_bands (seq);
            """),

        // The backlog gauge counts FAILED articles; this keeps that count to the failed rows.
        new("partial index of FAILED annotations", """
            CREATE INDEX ix_articles_annotation_failed ON articles (seq) WHERE annotation_state = 3;
            """),

        // The annotation outbox's claims: the replica that attempts an article holds it until
        // claimed_until_ms, so replicas on one database do not attempt the same article at once, and a
        // crashed replica's claim runs out. The due index carries the claim column the scan filters on.
        new("annotation claims", """
            ALTER TABLE articles ADD COLUMN claimed_by text NULL, ADD COLUMN claimed_until_ms bigint NULL;
            DROP INDEX ix_articles_annotation_due;
            CREATE INDEX ix_articles_annotation_due ON articles (next_annotation_ms, seq) INCLUDE (claimed_until_ms) WHERE annotation_state = 1;
            """),
    ]);
}
