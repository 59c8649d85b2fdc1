using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>One schema step: SQL, then optionally code (data that SQL alone cannot compute, from what the composition root hands in).</summary>
internal sealed record SqliteMigration(
    string Sql, Func<SqliteConnection, SqliteTransaction, ArticleTextAnalyzer, CancellationToken, Task>? Code = null);

/// <summary>
/// The schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have run.
/// Append new steps; never edit a step that has shipped.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // v1. AUTOINCREMENT so a sequence is never reused after a delete: watch cursors and page
        // tokens stay meaningful. NULL request ids do not collide in a UNIQUE index.
        new("""
            CREATE TABLE articles (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                request_id TEXT NULL,
                content_hash TEXT NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                source TEXT NOT NULL,
                url TEXT NOT NULL,
                publish_time TEXT NULL,
                language TEXT NOT NULL,
                create_time TEXT NOT NULL,
                annotation_state INTEGER NOT NULL,
                annotation_error TEXT NOT NULL DEFAULT '',
                annotation_attempts INTEGER NOT NULL DEFAULT 0,
                next_annotation_ms INTEGER NULL);
            CREATE UNIQUE INDEX ux_articles_request_id ON articles(request_id);
            CREATE UNIQUE INDEX ux_articles_content_hash ON articles(content_hash);
            CREATE INDEX ix_articles_source ON articles(source, seq);
            CREATE INDEX ix_articles_language ON articles(language, seq);
            CREATE INDEX ix_articles_annotation_due ON articles(next_annotation_ms) WHERE annotation_state = 1;
            """),

        // v2. Cleaned text with its map back to the body, near-duplicate links and story keys, and the
        // MinHash band keys of originals. Rows from v1 are filled in by SqliteBackfill.
        new("""
            ALTER TABLE articles ADD COLUMN cleaned_body TEXT NOT NULL DEFAULT '';
            ALTER TABLE articles ADD COLUMN cleaned_segments BLOB NOT NULL DEFAULT x'';
            ALTER TABLE articles ADD COLUMN duplicate_of TEXT NOT NULL DEFAULT '';
            ALTER TABLE articles ADD COLUMN duplicate_similarity REAL NOT NULL DEFAULT 0;
            ALTER TABLE articles ADD COLUMN story TEXT NOT NULL DEFAULT '';
            CREATE INDEX ix_articles_story ON articles(story, seq);
            CREATE INDEX ix_articles_duplicate_of ON articles(duplicate_of, seq);
            CREATE INDEX ix_articles_publish_time ON articles(publish_time);
            CREATE TABLE article_bands (
                band_key INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                PRIMARY KEY (band_key, seq)) WITHOUT ROWID;
            CREATE INDEX ix_article_bands_seq ON article_bands(seq);
            """,
            SqliteBackfill.RunAsync),

        // v3, for write volume. (1) Annotation bookkeeping in its own narrow table: SQLite rewrites a
        // changed row in full, so recording an outcome in articles rewrote both bodies (several pages)
        // per article; here it is a few bytes. The partial indexes keep the due scan and the backlog
        // counts to the rows concerned. (2) cleaned_patch: the cleaned body as what it adds to the body
        // (SqliteCleanedBody); cleaned_body is then ''. (3) band_keys: an original's band keys in its
        // row; article_bands gets them in batches (SqliteBandTail), all rows up to indexed_through.
        new("""
            ALTER TABLE articles ADD COLUMN cleaned_patch TEXT NULL;
            ALTER TABLE articles ADD COLUMN band_keys BLOB NULL;
            CREATE TABLE article_band_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                indexed_through INTEGER NOT NULL);
            INSERT INTO article_band_state (id, indexed_through) SELECT 1, COALESCE(MAX(seq), 0) FROM articles;
            CREATE TABLE article_annotations (
                seq INTEGER PRIMARY KEY,
                state INTEGER NOT NULL,
                error TEXT NOT NULL DEFAULT '',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_ms INTEGER NULL);
            INSERT INTO article_annotations (seq, state, error, attempts, next_ms)
                SELECT seq, annotation_state, annotation_error, annotation_attempts, next_annotation_ms FROM articles;
            CREATE INDEX ix_article_annotations_due ON article_annotations(next_ms) WHERE state = 1;
            CREATE INDEX ix_article_annotations_failed ON article_annotations(seq) WHERE state = 3;
            DROP INDEX ix_articles_annotation_due;
            ALTER TABLE articles DROP COLUMN annotation_state;
            ALTER TABLE articles DROP COLUMN annotation_error;
            ALTER TABLE articles DROP COLUMN annotation_attempts;
            ALTER TABLE articles DROP COLUMN next_annotation_ms;
            """),

        // v4. The annotation outbox's claims (as in PostgreSQL): a worker holds a due article until
        // claimed_until_ms, and another takes it over once that has passed.
        new("""
            ALTER TABLE article_annotations ADD COLUMN claimed_by TEXT NULL;
            ALTER TABLE article_annotations ADD COLUMN claimed_until_ms INTEGER NULL;
            """),
    ];
}
