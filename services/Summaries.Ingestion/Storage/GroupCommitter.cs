using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>
/// The store's one write path for new articles (a CreateArticle, a BatchCreate or StreamCreate item):
/// each committed with whatever others arrive while a commit is running
/// (<see cref="ChannelGroupCommitter{TItem, TResult}"/>). What is written once taken into a group does
/// not depend on the caller staying: the writes themselves are never cancelled. Disposing it (at
/// shutdown) writes what is queued.
/// </summary>
public sealed class GroupCommitter(IArticleStore store) : IAsyncDisposable, IDisposable
{
    /// <summary>Most new articles in one transaction.</summary>
    public const int MaxArticles = 64;

    /// <summary>Most characters of body in one transaction (a few very long articles go in groups of their own).</summary>
    public const long MaxArticleChars = 4_000_000;

    /// <summary>Most writes queued and not yet taken; callers beyond it wait for room.</summary>
    public const int Capacity = 1_024;

    private readonly ChannelGroupCommitter<NewArticleRecord, CreateArticleOutcome> _inserts =
        new(records => store.InsertManyAsync(records, CancellationToken.None), MaxArticles, Capacity,
            record => record.Content.Body.Length, MaxArticleChars);

    /// <summary>
    /// Queues the record and returns the task of its outcome (see <see cref="IArticleStore.InsertManyAsync"/>);
    /// records queued in turn by one caller are committed in that order. A caller cancelled before its
    /// record is taken into a group gets <see cref="OperationCanceledException"/>, and nothing is stored.
    /// </summary>
    public ValueTask<Task<CreateArticleOutcome>> EnqueueAsync(NewArticleRecord record, CancellationToken cancellationToken) =>
        _inserts.EnqueueAsync(record, cancellationToken);

    /// <summary>Stores the record and waits for its outcome; see <see cref="EnqueueAsync"/>.</summary>
    public Task<CreateArticleOutcome> InsertAsync(NewArticleRecord record, CancellationToken cancellationToken) =>
        _inserts.WriteAsync(record, cancellationToken);

    public ValueTask DisposeAsync() => _inserts.DisposeAsync();

    public void Dispose() => _inserts.Dispose();
}
