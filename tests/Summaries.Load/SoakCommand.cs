using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Summaries.Load;

/// <summary>
/// <c>soak</c>: measures each scenario's closed-loop maximum on a fresh system (or reads it from
/// <c>--max</c>), then runs all scenarios together, open-loop, for <c>--minutes</c>, each at
/// <c>--load</c> × its maximum ÷ the number of scenarios (each maximum alone saturates the machine,
/// so together they ask for that share of it), after a one-minute warm-up whose rate climbs from zero
/// over its first half. Passes with no errors after the warm-up and each service's resident memory
/// growing less than 10% from the first minute after the warm-up to the last minute.
/// </summary>
public static class SoakCommand
{
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(1);
    /// <summary>
    /// Calls a scenario may have waiting before a new one counts as an error instead of being sent:
    /// this many seconds of its rate (at least 64). A service that stalls longer is failing the soak.
    /// </summary>
    private const double MaxWaitingSeconds = 5;
    private const double AllowedGrowth = 0.10;

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        if (options.Minutes < 2)
        {
            // The first and the last minute must not be the same minute, or the growth check is empty.
            throw new ArgumentException("a soak needs at least 2 minutes");
        }

        await using var cluster = await Cluster.StartAsync();
        var maxima = await MaximaAsync(options, cluster, output);
        var duration = TimeSpan.FromMinutes(options.Minutes);
        var rates = options.Scenarios.ToDictionary(s => s, s => options.Load * maxima[s] / options.Scenarios.Count, StringComparer.Ordinal);
        output.WriteLine($"soak: {options.Minutes:0.#} min at {options.Load:P0} of the maximum, load average {MaxCommand.LoadAverage()}");
        foreach (var (name, rate) in rates)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {rate:0.0}/s (maximum alone {maxima[name]:0.0}/s)"));
        }

        using var stop = new CancellationTokenSource();
        var samples = new List<(TimeSpan At, Dictionary<string, double> Rss)>();
        var clock = Stopwatch.StartNew();
        var sampler = SampleMemoryAsync(cluster, clock, samples, output, stop.Token);
        var runs = rates.Select(kv => LoadDriver.OpenLoopAsync(
            Scenario.Get(kv.Key), cluster.Real, kv.Value, WarmUp, duration,
            Math.Max(64, (int)(kv.Value * MaxWaitingSeconds)), CancellationToken.None)).ToList();
        var both = await Task.WhenAll(runs);
        var stats = both.Select(b => b.Measured).ToArray();
        await stop.CancelAsync();
        await sampler;

        output.WriteLine();
        output.WriteLine("| scenario | part | target/s | achieved/s | p50 ms | p99 ms | errors |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var names = rates.Keys.ToList();
        for (var i = 0; i < names.Count; i++)
        {
            foreach (var (part, s) in new[] { ("warm-up (ramp)", both[i].WarmUp), ("soak", both[i].Measured) })
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {names[i]} | {part} | {rates[names[i]]:0.0} | {s.PerSecond:0.0} | {s.P50Ms:0.0} | {s.P99Ms:0.0} | {s.Errors} {Codes(s)} |"));
            }
        }

        // Stalls: seconds in which some call took over a second, per scenario and shared by all.
        var slow = stats.Select(s => s.SlowSeconds.ToHashSet()).ToList();
        var shared = slow.Skip(1).Aggregate(new HashSet<int>(slow[0]), (all, next) => { all.IntersectWith(next); return all; });
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seconds of the soak (after warm-up) with a call over {Recorder.SlowMs:0} ms: {string.Join(", ", names.Select((n, i) => $"{n} {slow[i].Count}"))}; in all scenarios at once {shared.Count}"));
        output.WriteLine($"  at (s since the start of the warm-up): {string.Join(' ', slow.SelectMany(x => x).Distinct().Order().Take(60))}");

        output.WriteLine();
        output.WriteLine("| service | RSS MiB, first minute after warm-up | RSS MiB, last minute | growth |");
        output.WriteLine("|---|---:|---:|---:|");
        var passed = stats.All(s => s.Errors == 0);
        var growths = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (service, _) in cluster.Processes())
        {
            var first = Mean(samples.Where(s => s.At >= WarmUp && s.At < WarmUp + TimeSpan.FromMinutes(1)), service);
            var last = Mean(samples.Where(s => s.At >= clock.Elapsed - TimeSpan.FromMinutes(1)), service);
            var growth = (last / first) - 1;
            growths[service] = growth;
            passed &= growth < AllowedGrowth;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {service} | {first:0.0} | {last:0.0} | {growth:+0.0%;-0.0%} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak minutes={options.Minutes:0.#} load={options.Load:0.00} errors={stats.Sum(s => s.Errors)} max_rss_growth={growths.Values.Max():+0.0%;-0.0%} {(passed ? "PASS" : "FAIL")}"));
        if (options.OutFile is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { rates, maxima, stats, growths }, new JsonSerializerOptions { WriteIndented = true }));
        }

        return passed ? 0 : 1;
    }

    private static async Task<Dictionary<string, double>> MaximaAsync(LoadOptions options, Cluster cluster, TextWriter output)
    {
        if (options.MaxFile is { } path)
        {
            var results = JsonSerializer.Deserialize<List<MaxResult>>(await File.ReadAllTextAsync(path))
                ?? throw new ArgumentException($"{path} holds no results");
            return results.Where(r => r.Server != "echo").ToDictionary(r => r.Scenario, r => r.Stats.PerSecond, StringComparer.Ordinal);
        }

        var maxima = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in options.Scenarios)
        {
            var scenario = Scenario.Get(name);
            await LoadDriver.ClosedLoopAsync(scenario, cluster.Real, options.Concurrency, TimeSpan.FromSeconds(5));
            var stats = await LoadDriver.ClosedLoopAsync(scenario, cluster.Real, options.Concurrency, TimeSpan.FromSeconds(options.Seconds));
            maxima[name] = stats.PerSecond;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"maximum {name}: {stats.PerSecond:0.0}/s (p50 {stats.P50Ms:0.0} ms, p99 {stats.P99Ms:0.0} ms, {stats.Errors} errors, {options.Concurrency} callers, {options.Seconds:0} s)"));
        }

        return maxima;
    }

    private static async Task SampleMemoryAsync(
        Cluster cluster, Stopwatch clock, List<(TimeSpan, Dictionary<string, double>)> samples, TextWriter output, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Sample);
        var nextReport = TimeSpan.FromMinutes(1);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var rss = cluster.Processes().ToDictionary(p => p.Name, p => ProcessMemory.Read(p.Pid).RssMiB, StringComparer.Ordinal);
                samples.Add((clock.Elapsed, rss));
                if (clock.Elapsed >= nextReport)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {clock.Elapsed.TotalMinutes:0} min: RSS {string.Join(", ", rss.Select(kv => $"{kv.Key} {kv.Value:0} MiB"))}; load average {MaxCommand.LoadAverage()}"));
                    nextReport += TimeSpan.FromMinutes(1);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }

    private static double Mean(IEnumerable<(TimeSpan At, Dictionary<string, double> Rss)> samples, string service) =>
        samples.Select(s => s.Rss[service]).DefaultIfEmpty(double.NaN).Average();

    private static string Codes(RunStats stats) =>
        stats.ErrorsByCode.Count == 0 ? string.Empty : "(" + string.Join(", ", stats.ErrorsByCode.Select(kv => $"{kv.Key} {kv.Value}")) + ")";
}
