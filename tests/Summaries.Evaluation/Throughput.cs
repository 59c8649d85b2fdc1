using System.Diagnostics;

namespace Summaries.Evaluation;

/// <summary>A plain timing harness: one warm-up pass, then timed passes until a minimum time has elapsed.</summary>
internal static class Throughput
{
    public static double UnitsPerSecond(long unitsPerPass, Action pass, TimeSpan minimum)
    {
        pass();
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            pass();
            passes++;
        }
        while (watch.Elapsed < minimum);

        return (double)unitsPerPass * passes / watch.Elapsed.TotalSeconds;
    }
}
