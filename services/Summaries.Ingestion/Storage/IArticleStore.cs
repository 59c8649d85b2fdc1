using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>An article about to be stored, already normalised, validated and hashed.</summary>
public sealed record NewArticleRecord(
    string Id,
    string? RequestId,
    ArticleInput Content,
    string ContentHash,
    DateTimeOffset CreateTime,
    DateTimeOffset NextAnnotationTime);

/// <summary>One page of a newest-first listing, and the sequence to continue before (null at the end).</summary>
public sealed record StoredArticlePage(IReadOnlyList<Article> Articles, long? NextBefore);

/// <summary>Where articles live. Sequences grow strictly in commit order.</summary>
public interface IArticleStore
{
    /// <summary>
    /// Stores the article in one transaction, unless an article with the same request id or the same
    /// content hash exists: then that one is returned with <c>Created = false</c>.
    /// </summary>
    Task<CreateArticleOutcome> InsertAsync(NewArticleRecord record, CancellationToken cancellationToken);

    Task<Article?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>False when there was no such article.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first; keyset pagination on the sequence (rows with sequence below <paramref name="before"/>).</summary>
    Task<StoredArticlePage> ListAsync(int pageSize, long? before, ArticleFilter filter, CancellationToken cancellationToken);

    /// <summary>Oldest first, the articles whose sequence is above <paramref name="after"/>.</summary>
    Task<IReadOnlyList<Article>> ListAfterAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>The highest sequence stored so far; 0 when the store is empty.</summary>
    Task<long> GetLatestSequenceAsync(CancellationToken cancellationToken);

    /// <summary>PENDING articles whose next annotation attempt is due at <paramref name="now"/>, most overdue first.</summary>
    Task<IReadOnlyList<Article>> ListDueForAnnotationAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Records an annotation outcome; does nothing if the article has been deleted meanwhile.</summary>
    Task UpdateAnnotationAsync(string id, AnnotationUpdate update, CancellationToken cancellationToken);
}

/// <summary>New annotation bookkeeping for one article.</summary>
public sealed record AnnotationUpdate(AnnotationState State, string Error, int Attempts, DateTimeOffset? NextAttemptTime);
