namespace Summaries.Summary.Storage.Sqlite;

/// <summary>
/// The briefing store's SQLite schema as ordered steps; <c>PRAGMA user_version</c> counts those
/// applied. Append new steps; never edit one that has shipped.
/// </summary>
internal static class SqliteBriefingSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // v1. IF NOT EXISTS: files made before versioning (user_version 0) already hold these tables.
        // AUTOINCREMENT so a sequence (and so a page token) is never reused.
        """
        CREATE TABLE IF NOT EXISTS briefings (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            create_time TEXT NOT NULL,
            payload BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS briefing_articles (
            briefing_seq INTEGER NOT NULL REFERENCES briefings(seq) ON DELETE CASCADE,
            article_name TEXT NOT NULL,
            PRIMARY KEY (briefing_seq, article_name));
        CREATE INDEX IF NOT EXISTS ix_briefing_articles_article ON briefing_articles(article_name);
        CREATE TABLE IF NOT EXISTS briefing_cache (
            cache_key TEXT PRIMARY KEY,
            briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE);
        """,

        // v2, expand only. The briefing as JSON of the domain record (BriefingDocument); rows of
        // earlier releases have none until the store carries them over after migrating. payload keeps
        // the wire message, still written for one release so that older replicas read every row.
        """
        ALTER TABLE briefings ADD COLUMN document TEXT;
        CREATE INDEX ix_briefings_without_document ON briefings(seq) WHERE document IS NULL;
        """,
    ];
}
