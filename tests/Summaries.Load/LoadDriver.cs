using System.Diagnostics;

namespace Summaries.Load;

/// <summary>Runs a scenario's calls closed-loop (as fast as N callers can) or open-loop (at a fixed rate).</summary>
public static class LoadDriver
{
    private static long _sequence;

    /// <summary><paramref name="callers"/> callers, each sending its next call when the last one answered.</summary>
    public static async Task<RunStats> ClosedLoopAsync(Scenario scenario, Targets targets, int callers, TimeSpan duration)
    {
        var recorder = new Recorder();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await CallAsync(scenario, targets, recorder);
            }
        })));
        return recorder.Stats(clock.Elapsed);
    }

    /// <summary>
    /// Calls started at <paramref name="perSecond"/> whether or not earlier ones answered (how real
    /// clients behave), for <paramref name="warmUp"/> and then <paramref name="duration"/>. During the
    /// first half of the warm-up the rate climbs from zero (fresh processes compile their code as the
    /// first calls come, as after a rollout); calls started in the warm-up are recorded apart from the
    /// measured ones. More than <paramref name="maxInFlight"/> unanswered calls count as an overload
    /// error instead of queueing without bound in the generator.
    /// </summary>
    public static async Task<(RunStats WarmUp, RunStats Measured)> OpenLoopAsync(
        Scenario scenario, Targets targets, double perSecond, TimeSpan warmUp, TimeSpan duration, int maxInFlight, CancellationToken cancellationToken)
    {
        var warming = new Recorder();
        var measured = new Recorder();
        var inFlight = 0;
        var pending = new List<Task>();
        long started = 0;
        var ramp = warmUp.TotalSeconds / 2;
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (clock.Elapsed < warmUp + duration && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var recorder = clock.Elapsed < warmUp ? warming : measured;
            var due = (long)DueBy(clock.Elapsed.TotalSeconds, perSecond, ramp);
            for (; started < due; started++)
            {
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    recorder.Failure(new OverloadException());
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        await CallAsync(scenario, targets, recorder);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                }));
            }

            pending.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(pending);
        return (warming.Stats(warmUp), measured.Stats(duration));
    }

    /// <summary>Calls due by <paramref name="seconds"/>: the rate climbs linearly to <paramref name="perSecond"/> over <paramref name="ramp"/> seconds, then stays.</summary>
    public static double DueBy(double seconds, double perSecond, double ramp) =>
        ramp <= 0 ? seconds * perSecond
        : seconds < ramp ? perSecond * seconds * seconds / (2 * ramp)
        : perSecond * (seconds - (ramp / 2));

    private static async Task CallAsync(Scenario scenario, Targets targets, Recorder recorder)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var start = Stopwatch.GetTimestamp();
        try
        {
            await scenario.Call(targets, sequence, CancellationToken.None);
            recorder.Success(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            recorder.Failure(ex);
        }
    }

    private sealed class OverloadException() : Exception("too many calls in flight");
}
