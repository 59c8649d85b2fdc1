using Summaries.Ingestion.Articles;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Ingestion.Storage;

/// <summary>One page of a newest-first listing, and the sequence to continue before (null at the end).</summary>
public sealed record StoredArticlePage(IReadOnlyList<Article> Articles, long? NextBefore)
{
    /// <summary>
    /// The page from rows read newest first with one row more than <paramref name="pageSize"/> asked
    /// for (which tells whether there is a next page); <paramref name="full"/> false when the byte
    /// budget ended the read early, so a next page follows from the last row kept.
    /// </summary>
    public static StoredArticlePage FromRows(List<Article> rows, bool full, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!full)
        {
            return new StoredArticlePage(rows, rows[^1].Sequence);
        }

        if (rows.Count <= pageSize)
        {
            return new StoredArticlePage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new StoredArticlePage(rows, rows[^1].Sequence);
    }
}

/// <summary>
/// Where articles live. Sequences grow strictly in commit order (writers are serialised: on PostgreSQL
/// by a lock in the database, so across every replica on it), which is what makes a watch from a
/// cursor gap-free.
/// </summary>
public interface IArticleStore
{
    /// <summary>
    /// Reads what the store keeps in memory beside its tables (SQLite: the band filter and the band
    /// keys not yet indexed), so that the first write after a start does not wait for it inside its
    /// transaction. Run once at start, after migration and before the server takes calls; a write
    /// before it loads the same on its own.
    /// </summary>
    Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the articles in one transaction, in order, one outcome each. An article whose request id
    /// or content hash is already stored (also earlier in the same call) is not stored again: that
    /// article is returned with <c>Created = false</c>. A new article that is a near-duplicate of a
    /// stored original is linked to it (<c>DuplicateOf</c>, the original's <c>DuplicateGroup</c>). Nothing is
    /// visible to readers before the call returns, and then all of it is.
    /// </summary>
    Task<IReadOnlyList<CreateArticleOutcome>> InsertManyAsync(IReadOnlyList<NewArticleRecord> records, CancellationToken cancellationToken);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>False when there was no such article.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first; keyset pagination on the sequence (rows with sequence below <paramref name="before"/>).</summary>
    Task<StoredArticlePage> ListAsync(int pageSize, long? before, ArticleFilter filter, CancellationToken cancellationToken) =>
        ListAsync(pageSize, before, filter, ArticleReadShape.Unbounded, cancellationToken);

    /// <summary>
    /// As above, in <paramref name="shape"/>'s view; the page also ends (with a next sequence) before the
    /// row that would pass the shape's byte budget, holding at least one row.
    /// </summary>
    Task<StoredArticlePage> ListAsync(int pageSize, long? before, ArticleFilter filter, ArticleReadShape shape, CancellationToken cancellationToken);

    /// <summary>
    /// The articles with these ids that exist, in the order of <paramref name="ids"/>, in
    /// <paramref name="shape"/>'s view, until the one that would pass its byte budget (the first is
    /// always read). <c>Read</c>: how many ids, from the start, were looked at.
    /// </summary>
    Task<(IReadOnlyList<Article> Found, int Read)> GetManyAsync(IReadOnlyList<string> ids, ArticleReadShape shape, CancellationToken cancellationToken);

    /// <summary>Oldest first, the articles whose sequence is above <paramref name="after"/>.</summary>
    Task<IReadOnlyList<Article>> ListAfterAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>The highest sequence stored so far; 0 when the store is empty.</summary>
    Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> PENDING articles whose next attempt is due at
    /// <see cref="AnnotationClaim.Now"/> and that no one holds a live claim on (most overdue first), and
    /// returns them, oldest sequence first. A claim lasts until <see cref="AnnotationClaim.Until"/>:
    /// another worker (in this process or another replica) skips the article until then, and takes it
    /// over after, so a crashed claimant delays an article by one lease at most. Recording an outcome
    /// (<see cref="UpdateAnnotationsAsync"/>) ends the claim.
    /// </summary>
    Task<IReadOnlyList<Article>> ClaimDueForAnnotationAsync(AnnotationClaim claim, int limit, CancellationToken cancellationToken);

    /// <summary>How many articles are PENDING annotation and how many FAILED; both counted over partial indexes.</summary>
    Task<AnnotationBacklog> CountAnnotationBacklogAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records annotation outcomes in one transaction and releases their claims. Only PENDING articles
    /// change (DONE and FAILED are final, so a late failure can never undo a success); deleted ones are skipped.
    /// </summary>
    Task UpdateAnnotationsAsync(IReadOnlyList<KeyValuePair<string, AnnotationUpdate>> updates, CancellationToken cancellationToken);
}

/// <summary>New annotation bookkeeping for one article.</summary>
public sealed record AnnotationUpdate(AnnotationState State, string Error, int Attempts, DateTimeOffset? NextAttemptTime);

/// <summary>Who claims due articles for annotation, at what time, and until when.</summary>
public sealed record AnnotationClaim(string Claimant, DateTimeOffset Now, DateTimeOffset Until);

/// <summary>Articles waiting for annotation (PENDING) and those given up on (FAILED).</summary>
public sealed record AnnotationBacklog(long Pending, long Failed);

/// <summary>
/// Tells of articles committed by any writer of the same database: other replicas included. The
/// watchers of this process wake on it; a signal carries no article (watchers read the store).
/// </summary>
public interface IArticleCommitFeed
{
    /// <summary>
    /// Calls <paramref name="committed"/> after commits, until cancelled; throws when the feed breaks
    /// (the caller reconnects). Also calls it at least every <paramref name="poll"/>, so a notice lost
    /// on the way costs a watcher at most that long.
    /// </summary>
    Task ListenAsync(Action committed, TimeSpan poll, CancellationToken cancellationToken);
}

/// <summary>
/// Creates the store's schema or brings it up to date: run once at start, before the server takes
/// calls, by the same hosted migration every service uses (<c>AddStoreMigration</c>).
/// </summary>
public interface IArticleStoreMigrator : IStoreMigrator;
