using System.Diagnostics;
using Grpc.Core;

namespace Summaries.Load;

/// <summary>Latencies of successful calls and failures by status code, from any number of callers.</summary>
public sealed class Recorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = new(1 << 16);
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> _slowestPerSecond = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Success(double milliseconds)
    {
        // The second the call ended in: stalls show up as seconds whose slowest call took long.
        var second = (int)_clock.Elapsed.TotalSeconds;
        lock (_gate)
        {
            _milliseconds.Add(milliseconds);
            _slowestPerSecond[second] = Math.Max(_slowestPerSecond.GetValueOrDefault(second), milliseconds);
        }
    }

    /// <summary>A call slower than this marks its second as a stall.</summary>
    public const double SlowMs = 1000;

    public void Failure(Exception exception)
    {
        var kind = exception switch
        {
            RpcException rpc => rpc.StatusCode.ToString(),
            _ => exception.GetType().Name,
        };
        lock (_gate)
        {
            _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
        }
    }

    public RunStats Stats(TimeSpan elapsed)
    {
        lock (_gate)
        {
            var sorted = _milliseconds.Order().ToArray();
            return new RunStats(
                sorted.Length,
                _errors.Values.Sum(),
                new Dictionary<string, int>(_errors, StringComparer.Ordinal),
                sorted.Length / elapsed.TotalSeconds,
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.99),
                _slowestPerSecond.Where(kv => kv.Value > SlowMs).Select(kv => kv.Key).Order().ToList());
        }
    }

    /// <summary>The latency below which the share <paramref name="p"/> of successful calls answered.</summary>
    public double PercentileMs(double p)
    {
        lock (_gate)
        {
            return Percentile([.. _milliseconds.Order()], p);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>What a run measured.</summary>
/// <param name="SlowSeconds">Seconds since the start in which a call slower than <see cref="Recorder.SlowMs"/> ended.</param>
public sealed record RunStats(
    int Ok, int Errors, IReadOnlyDictionary<string, int> ErrorsByCode, double PerSecond, double P50Ms, double P99Ms, IReadOnlyList<int> SlowSeconds);
