using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>Single-item forms of the store's batch calls, for store tests (the service batches through <c>GroupCommitter</c>).</summary>
public static class ArticleStoreExtensions
{
    /// <summary>Stores one article; see <see cref="IArticleStore.InsertManyAsync"/>.</summary>
    public static async Task<CreateArticleOutcome> InsertAsync(
        this IArticleStore store, NewArticleRecord record, CancellationToken cancellationToken) =>
        (await store.InsertManyAsync([record], cancellationToken))[0];

    /// <summary>Records one annotation outcome; see <see cref="IArticleStore.UpdateAnnotationsAsync"/>.</summary>
    public static Task UpdateAnnotationAsync(
        this IArticleStore store, string id, AnnotationUpdate update, CancellationToken cancellationToken) =>
        store.UpdateAnnotationsAsync([new(id, update)], cancellationToken);
}
