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

    /// <summary>
    /// How many times a normal article's time (same length, same stage, same process) a pathological
    /// input may take when that is more than <see cref="Bound"/>: on a loaded machine, or in a Debug
    /// build, a normal million-character article alone can take longer than the bound.
    /// </summary>
    public const int Multiple = 5;

    /// <summary>How soon work must stop once its token fires.</summary>
    public static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="work"/> to the end and fails when it took longer than <see cref="Bound"/>, or,
    /// given the <paramref name="normal"/> article's time, longer than both the bound and <see cref="Multiple"/> times that.
    /// </summary>
    public static TimeSpan AssertWithinBound(string what, Action work, TimeSpan? normal = null)
    {
        var clock = Stopwatch.StartNew();
        work();
        clock.Stop();
        var bound = normal is { } n && n * Multiple > Bound ? n * Multiple : Bound;
        Assert.True(clock.Elapsed < bound,
            $"{what} took {clock.Elapsed.TotalSeconds:F1} s, more than {bound.TotalSeconds:F1} s (a normal article: {normal?.TotalSeconds:F1} s).");
        return clock.Elapsed;
    }

    /// <summary>How long <paramref name="work"/> takes, run once.</summary>
    public static TimeSpan Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
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
