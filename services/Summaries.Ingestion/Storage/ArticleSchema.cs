namespace Summaries.Ingestion.Storage;

/// <summary>
/// The schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have run.
/// Append new steps; never edit a step that has shipped.
/// </summary>
internal static class ArticleSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // v1. AUTOINCREMENT so a sequence is never reused after a delete: watch cursors and page
        // tokens stay meaningful. NULL request ids do not collide in a UNIQUE index.
        """
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
        """,
    ];
}
