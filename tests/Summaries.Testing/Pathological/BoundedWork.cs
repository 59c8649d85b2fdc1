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
    /// When the token fires, counted from the start of the work: early, and well into long work, so
    /// that a stretch anywhere in it that never looks at the token is found.
    /// </summary>
    public static IReadOnlyList<TimeSpan> CancelPoints { get; } =
        [TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    /// <summary>
    /// Runs <paramref name="work"/> (synchronous, on this thread) once for each of the
    /// <see cref="CancelPoints"/> with a token that fires then, until a run ends before its token
    /// fires. Each run either ends by itself or throws <see cref="OperationCanceledException"/>, having
    /// used less than <see cref="StopWithin"/> of processor time after the token fired, and less than
    /// <see cref="Bound"/> on the clock. (Where <see cref="ThreadCpu"/> cannot read a thread's time, the
    /// clock must stay under <see cref="StopWithin"/>.)
    /// </summary>
    public static void AssertStopsWhenCancelled(string what, Action<CancellationToken> work)
    {
        foreach (var point in CancelPoints)
        {
            var run = CancelledAt(work, point);
            if (!run.Cancelled)
            {
                return;
            }

            Assert.True(run.Late < StopWithin && run.Wall < Bound,
                $"{what}, its token fired at {point.TotalMilliseconds:F0} ms: it went on for {(run.Cpu is null ? "-" : $"{run.Cpu.Value.TotalSeconds:F2} s")} of processor time, {run.Wall.TotalSeconds:F2} s on the clock.");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> (synchronous, on this thread) with a token that fires at
    /// <paramref name="point"/>: whether it fired before the work ended, and the processor time
    /// (where readable) and clock time from then to the end.
    /// </summary>
    public static CancelledRun CancelledAt(Action<CancellationToken> work, TimeSpan point)
    {
        var thread = ThreadCpu.Current();
        using var cancellation = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var firedAt = TimeSpan.MaxValue;
        TimeSpan? cpuAtFire = null;
        using var registration = cancellation.Token.Register(() =>
        {
            cpuAtFire = thread?.Used();
            firedAt = clock.Elapsed;
        });
        cancellation.CancelAfter(point);
        try
        {
            work(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }

        var ended = clock.Elapsed;
        var cpuAtEnd = thread?.Used();
        registration.Dispose(); // waits for a callback already running
        if (firedAt == TimeSpan.MaxValue || firedAt > ended)
        {
            return new CancelledRun(false, null, TimeSpan.Zero);
        }

        return new CancelledRun(true, cpuAtFire is { } f && cpuAtEnd is { } e ? e - f : null, ended - firedAt);
    }
}

/// <summary>One run of <see cref="BoundedWork.CancelledAt"/>.</summary>
public sealed record CancelledRun(bool Cancelled, TimeSpan? Cpu, TimeSpan Wall)
{
    /// <summary>How long the work went on after its token fired: processor time where readable, else the clock.</summary>
    public TimeSpan Late => Cpu ?? Wall;
}
