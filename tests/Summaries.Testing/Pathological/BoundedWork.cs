using System.Diagnostics;

namespace Summaries.Testing.Pathological;

/// <summary>
/// The two checks every stage gets with the pathological inputs: it ends within a generous bound at
/// the maximum size, and once its cancellation token fires it stops (or ends) within a second.
/// </summary>
public static class BoundedWork
{
    /// <summary>The bound issue 17 sets for any input of the maximum size.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>How soon work must stop once its token fires.</summary>
    public static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="work"/> to the end and fails when it took longer than <see cref="Bound"/>.</summary>
    public static TimeSpan AssertWithinBound(string what, Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        clock.Stop();
        Assert.True(clock.Elapsed < Bound, $"{what} took {clock.Elapsed.TotalSeconds:F1} s, more than {Bound.TotalSeconds} s.");
        return clock.Elapsed;
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a token that fires after <paramref name="after"/>: the work either
    /// ends by itself or throws <see cref="OperationCanceledException"/>, and in either case no later
    /// than <see cref="StopWithin"/> after the token fired.
    /// </summary>
    public static void AssertStopsWhenCancelled(string what, Action<CancellationToken> work, TimeSpan? after = null)
    {
        using var cancellation = new CancellationTokenSource();
        var fired = TimeSpan.MaxValue;
        var clock = Stopwatch.StartNew();
        cancellation.Token.Register(() => fired = clock.Elapsed);
        cancellation.CancelAfter(after ?? TimeSpan.FromMilliseconds(50));
        try
        {
            work(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }

        var ended = clock.Elapsed;
        var late = fired == TimeSpan.MaxValue ? TimeSpan.Zero : ended - fired;
        Assert.True(late < StopWithin, $"{what} went on for {late.TotalSeconds:F1} s after its token fired.");
    }
}
