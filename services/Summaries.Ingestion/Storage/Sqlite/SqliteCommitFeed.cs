namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>
/// A SQLite file has one writer, this process, whose commits wake its watchers directly; so the
/// feed only polls, in case another process wrote the file (a maintenance tool).
/// </summary>
public sealed class SqliteCommitFeed(TimeProvider time) : IArticleCommitFeed
{
    public async Task ListenAsync(Action committed, TimeSpan poll, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(poll, time, cancellationToken);
            committed();
        }
    }
}
