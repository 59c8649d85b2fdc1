using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Storage;

/// <summary>
/// The store's writes for single callers (a CreateArticle, an annotation outcome), each committed
/// with whatever others arrive while a commit is running (<see cref="WriteBatcher{TItem, TResult}"/>).
/// What is written does not depend on the caller staying: the writes are never cancelled.
/// </summary>
public sealed class GroupCommitter(IArticleStore store)
{
    /// <summary>Most new articles in one transaction (as many as a stream's group).</summary>
    public const int MaxArticles = 64;

    /// <summary>Most annotation outcomes in one transaction (a few bytes each).</summary>
    public const int MaxAnnotationUpdates = 256;

    private readonly WriteBatcher<NewArticleRecord, CreateArticleOutcome> _inserts =
        new(records => store.InsertManyAsync(records, CancellationToken.None), MaxArticles);

    private readonly WriteBatcher<KeyValuePair<string, AnnotationUpdate>, bool> _annotations =
        new(
            async updates =>
            {
                await store.UpdateAnnotationsAsync(updates, CancellationToken.None);
                return updates.Select(_ => true).ToList();
            },
            MaxAnnotationUpdates);

    /// <summary>Stores the record; see <see cref="IArticleStore.InsertManyAsync"/>.</summary>
    public Task<CreateArticleOutcome> InsertAsync(NewArticleRecord record) =>
        _inserts.WriteAsync(record, CancellationToken.None);

    /// <summary>Records one annotation outcome; see <see cref="IArticleStore.UpdateAnnotationsAsync"/>.</summary>
    public Task UpdateAnnotationAsync(string id, AnnotationUpdate update) =>
        _annotations.WriteAsync(new(id, update), CancellationToken.None);
}
