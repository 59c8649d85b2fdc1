using System.ComponentModel.DataAnnotations;

namespace Summaries.Ingestion.Options;

/// <summary>How hard SQLite works to keep a commit, and how commits reach watchers. Section <c>Ingestion:Storage</c>.</summary>
public sealed class StorageTuningOptions
{
    public const string SectionName = "Ingestion:Storage";

    /// <summary>
    /// SQLite <c>PRAGMA synchronous</c>, <c>Normal</c> (default) or <c>Full</c>. In WAL mode both keep
    /// every acknowledged article through a crash of the process (SIGKILL included); <c>Full</c> also
    /// keeps it through a power cut, at the cost of an fsync per commit. PostgreSQL follows its own
    /// <c>synchronous_commit</c> (on by default).
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// SQLite: how many originals' band keys are held in memory (and in their rows) before they are
    /// written to the band index in one go, in key order. Default 2,048 (about 1 MB); larger batches
    /// mean fewer index pages written per article, and a longer commit for the group that writes them.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SqliteBandBatch { get; set; } = 2_048;

    /// <summary>
    /// SQLite: the page cache of each open connection, in MiB (<c>PRAGMA cache_size</c>). It fills as
    /// the indexes grow and then stays, so it bounds the store's share of the service's memory: at most
    /// this much per pooled connection.
    /// </summary>
    [Range(1, 1024)]
    public int SqliteCacheMiB { get; set; } = 4;

    /// <summary>
    /// SQLite: the size in MiB of the in-memory filter that tells, for most new articles, that no
    /// stored original shares a MinHash band with them, so the band index is not searched (rounded up
    /// to a power of two; 0 turns it off). Rebuilt from the band index at start. Default 8 (12 keys per
    /// original): by the Bloom filter's arithmetic it rules out 99.9% of unrelated articles up to
    /// 100,000 originals, about 90% at 500,000 and under half past 1,000,000; it never changes which
    /// duplicates are found.
    /// </summary>
    [Range(0, 1024)]
    public int SqliteBandFilterMiB { get; set; } = 8;

    /// <summary>
    /// Longest a watcher goes without looking for commits made by other replicas when no notice of
    /// them arrives (PostgreSQL sends one per commit through LISTEN/NOTIFY; this bounds the wait when
    /// one is lost, or while the listening connection is reopened). Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CommitPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The SQLite <c>synchronous</c> levels that are safe in WAL mode.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
