using Microsoft.Extensions.Options;
using Summaries.Ingestion.Options;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// Remembers that a call to the entity service timed out a moment ago, so new articles skip the call
/// for one retry interval instead of each waiting out the deadline (a batch of 1,000 behind a
/// blackholed entity service would otherwise take over an hour). A refused connection fails in
/// milliseconds and does not open it. The annotation worker tries again after it and closes it on success.
/// </summary>
public sealed class EntityServiceCircuit(TimeProvider time, IOptions<AnnotationOptions> options)
{
    private long _openUntilTicks;

    public bool IsOpen => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks);

    public void RecordTimeout() =>
        Interlocked.Exchange(ref _openUntilTicks, (time.GetUtcNow() + options.Value.RetryInterval).UtcTicks);

    public void RecordSuccess() => Interlocked.Exchange(ref _openUntilTicks, 0);
}
