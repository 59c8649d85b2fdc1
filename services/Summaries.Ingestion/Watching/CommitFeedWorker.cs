using Microsoft.Extensions.Options;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Watching;

/// <summary>
/// Wakes this process's watchers for commits made by any replica on the same database (the store's
/// <see cref="IArticleCommitFeed"/>: PostgreSQL LISTEN/NOTIFY, with a bounded poll), so a watcher
/// here sees an article created through another replica as soon as it commits. When the feed
/// breaks, watchers are woken once and the feed is opened again after a pause.
/// </summary>
public sealed partial class CommitFeedWorker(
    IArticleCommitFeed feed,
    ArticleBroadcaster broadcaster,
    IOptions<StorageTuningOptions> options,
    TimeProvider time,
    ILogger<CommitFeedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.CommitPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.ListenAsync(broadcaster.NotifyCommitted, poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFeedBroken(logger, poll.TotalSeconds, ex);
                // What was committed while the feed was down is read by watchers now; the feed reopens
                // (and signals again) after a poll interval.
                broadcaster.NotifyCommitted();
                try
                {
                    await Task.Delay(poll, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The commit feed broke; watchers poll, and it is opened again in {Seconds} s")]
    private static partial void LogFeedBroken(ILogger logger, double seconds, Exception exception);
}
