using System.Threading.Channels;
using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Articles just committed by a stream, for <see cref="AnnotationQueueWorker"/> to send to the entity
/// service without holding up the acknowledgements. The articles travel whole, so the worker need not
/// read their bodies back. The database row (PENDING, with its next attempt time) is the real outbox:
/// an article left out because the queue is full, or lost in a crash, is picked up by
/// <see cref="AnnotationRetryWorker"/>.
/// </summary>
public sealed class AnnotationQueue
{
    public const int Capacity = 10_000;

    /// <summary>
    /// Most characters (bodies and cleaned bodies) held at once: 16 MB of UTF-16, about 900 articles of
    /// 4.5 KB. The queue only grows this long while the entity service answers slower than articles arrive.
    /// </summary>
    public const long MaxChars = 8_000_000;

    private readonly Channel<Article> _articles = Channel.CreateBounded<Article>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _chars;

    /// <summary>False when the queue is full (the retry worker will get to the article).</summary>
    public bool TryEnqueue(Article article)
    {
        var chars = Chars(article);
        if (Interlocked.Add(ref _chars, chars) > MaxChars || !_articles.Writer.TryWrite(article))
        {
            Interlocked.Add(ref _chars, -chars);
            return false;
        }

        return true;
    }

    /// <summary>Waits for at least one article, then takes up to <paramref name="max"/> without waiting more; empty once completed.</summary>
    public async Task<IReadOnlyList<Article>> TakeBatchAsync(int max, CancellationToken cancellationToken)
    {
        var batch = new List<Article>();
        if (await _articles.Reader.WaitToReadAsync(cancellationToken))
        {
            while (batch.Count < max && _articles.Reader.TryRead(out var article))
            {
                Interlocked.Add(ref _chars, -Chars(article));
                batch.Add(article);
            }
        }

        return batch;
    }

    public int Count => _articles.Reader.Count;

    private static long Chars(Article article) => (long)article.Body.Length + article.CleanedBody.Length;
}
