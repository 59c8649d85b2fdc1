using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Summaries.Summary.Tests.Grpc.Infrastructure;

/// <summary>Counts the unary calls a stand-in server receives, by method, and the most in flight at once.</summary>
internal sealed class CallCounter : Interceptor
{
    private readonly ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byService = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The most calls that were running at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Calls received so far by <paramref name="method"/> (the method's short name, e.g. GetArticle).</summary>
    public int Of(string method) => _byMethod.GetValueOrDefault(method);

    /// <summary>Calls received so far by every method of <paramref name="service"/> (e.g. IngestionService).</summary>
    public int OfService(string service) => _byService.GetValueOrDefault(service);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var parts = context.Method.Split('/', StringSplitOptions.RemoveEmptyEntries);
        _byMethod.AddOrUpdate(parts[^1], 1, (_, n) => n + 1);
        _byService.AddOrUpdate(parts[0][(parts[0].LastIndexOf('.') + 1)..], 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            // A little time in each call, so that calls sent at once overlap here as they would on a real server.
            await Task.Delay(5, context.CancellationToken);
            return await continuation(request, context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
