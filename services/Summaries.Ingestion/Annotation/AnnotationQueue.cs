using System.Threading.Channels;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Ids of articles just committed by a stream, for <see cref="AnnotationQueueWorker"/> to send to the
/// entity service without holding up the acknowledgements. The database row (PENDING, with its next
/// attempt time) is the real outbox: an id dropped because the queue is full, or lost in a crash, is
/// picked up by <see cref="AnnotationRetryWorker"/>.
/// </summary>
public sealed class AnnotationQueue
{
    public const int Capacity = 10_000;

    private readonly Channel<string> _ids = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>False when the queue is full (the retry worker will get to the article).</summary>
    public bool TryEnqueue(string articleId) => _ids.Writer.TryWrite(articleId);

    /// <summary>Waits for at least one id, then takes up to <paramref name="max"/> without waiting more; empty once completed.</summary>
    public async Task<IReadOnlyList<string>> TakeBatchAsync(int max, CancellationToken cancellationToken)
    {
        var batch = new List<string>();
        if (await _ids.Reader.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < max && _ids.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }
        }

        return batch;
    }

    public int Count => _ids.Reader.Count;
}
