namespace Summaries.Ingestion.Storage;

/// <summary>
/// Loads what the store keeps in memory (<see cref="IArticleStore.LoadAsync"/>) when the host starts,
/// right after the store's migration (registered after it: hosted services start in order, and all
/// before the server takes calls).
/// </summary>
internal sealed class ArticleStoreLoader(IArticleStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
