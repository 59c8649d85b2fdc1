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

        // v2. The payload's format (BriefingPayload). Existing rows hold the wire message; the store
        // rewrites them as JSON after migrating. The default stays 1: a replica of the release before
        // writes rows without a format, and they hold the wire message too.
        """
        ALTER TABLE briefings ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX ix_briefings_wire_payload ON briefings(seq) WHERE format = 1;
        """,
    ];
}
