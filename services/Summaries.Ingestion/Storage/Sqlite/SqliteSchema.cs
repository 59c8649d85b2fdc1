using Microsoft.Data.Sqlite;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>One schema step: SQL, then optionally code (data that SQL alone cannot compute).</summary>
internal sealed record SqliteMigration(string Sql, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>? Code = null);

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
    ];
}
