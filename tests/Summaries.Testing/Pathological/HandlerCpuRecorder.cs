using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Summaries.Testing.Pathological;

/// <summary>
/// A server interceptor that records, for each unary call, the processor time its handler's thread
/// used after the call's cancellation token fired (the deadline, or the client going away). The
/// services' text handlers are synchronous, so their work runs on the thread that enters here; a call
/// whose handler ends on another thread is recorded without a figure, so a test can tell.
/// </summary>
public sealed class HandlerCpuRecorder : Interceptor
{
    private readonly ConcurrentQueue<HandledCall> _calls = new();
    private int _started;

    /// <summary>The calls that have ended, in order.</summary>
    public IReadOnlyCollection<HandledCall> Calls => _calls;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Interlocked.Increment(ref _started);
        var thread = ThreadCpu.Current();
        var managedThread = Environment.CurrentManagedThreadId;
        TimeSpan? atCancel = null;
        var registration = context.CancellationToken.Register(() => atCancel = thread?.Used());
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            var atEnd = thread?.Used();
            registration.Dispose();
            var sameThread = Environment.CurrentManagedThreadId == managedThread;
            _calls.Enqueue(new HandledCall(
                context.Method,
                atCancel is not null,
                sameThread && atCancel is { } c && atEnd is { } e ? (e > c ? e - c : TimeSpan.Zero) : null));
        }
    }

    /// <summary>
    /// Once every handler that started has ended (waiting up to <paramref name="timeout"/>, else
    /// <see cref="TimeoutException"/>), the call after the first <paramref name="ended"/>; null when
    /// none started: the server gave up on the call before its handler ran (its deadline passed while
    /// the request was still being read, on a loaded machine).
    /// </summary>
    public async Task<HandledCall?> CallAfterAsync(int ended, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (_calls.Count < Volatile.Read(ref _started))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"A handler was still running {timeout.TotalSeconds:F0} s after the call was answered.");
            }

            await Task.Delay(20);
        }

        return _calls.Count > ended ? _calls.ElementAt(ended) : null;
    }
}

/// <summary>One ended call: whether its token fired, and the handler thread's processor time after it did (null where unknown).</summary>
public sealed record HandledCall(string Method, bool Cancelled, TimeSpan? CpuAfterCancel);
