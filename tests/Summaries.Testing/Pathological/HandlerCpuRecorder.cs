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

    /// <summary>The calls that have ended, in order.</summary>
    public IReadOnlyCollection<HandledCall> Calls => _calls;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
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

    /// <summary>Waits (up to <paramref name="timeout"/>) for the call after the first <paramref name="ended"/> to end.</summary>
    public async Task<HandledCall> WaitForCallAsync(int ended, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (_calls.Count <= ended)
        {
            await Task.Delay(20, cancellation.Token);
        }

        return _calls.ElementAt(ended);
    }
}

/// <summary>One ended call: whether its token fired, and the handler thread's processor time after it did (null where unknown).</summary>
public sealed record HandledCall(string Method, bool Cancelled, TimeSpan? CpuAfterCancel);
