using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Summaries.Ingestion.Watching;

/// <summary>
/// Tells in-process watchers that articles were committed. A signal carries no article: watchers read
/// the store after their last sequence, which is what makes a watch gap-free even when two creates
/// finish out of order.
/// </summary>
public sealed class ArticleBroadcaster
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public int SubscriberCount => _subscriptions.Count;

    /// <summary>Starts listening; dispose the subscription to stop.</summary>
    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Wakes every watcher; never blocks (pending signals coalesce into one).</summary>
    public void NotifyCommitted()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Signal();
        }
    }

    /// <summary>One watcher's wake-up signal.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly ArticleBroadcaster _owner;

        // Capacity one: a watcher that is busy reading needs only to know "something changed since".
        private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

        internal Subscription(ArticleBroadcaster owner) => _owner = owner;

        /// <summary>Completes once something was committed since the previous wait.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken) =>
            await _signals.Reader.ReadAsync(cancellationToken);

        public void Dispose() => _owner._subscriptions.TryRemove(this, out _);

        internal void Signal() => _signals.Writer.TryWrite(true);
    }
}
