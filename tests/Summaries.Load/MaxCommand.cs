using System.Globalization;
using System.Text.Json;

namespace Summaries.Load;

/// <summary>
/// <c>max</c>: for each scenario, N callers as fast as they can for a fixed time, first against the
/// no-op echo, then against the real service; throughput, p50/p99, errors and each service's memory.
/// </summary>
public static class MaxCommand
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        await using var cluster = await Cluster.StartAsync();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var results = new List<MaxResult>();
        output.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}");
        output.WriteLine($"{options.Concurrency} callers, {options.Seconds:0} s per run after a {WarmUp.TotalSeconds:0} s warm-up");
        output.WriteLine();
        output.WriteLine("| scenario | server | calls/s | p50 ms | p99 ms | errors | server RSS MiB (peak) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var name in options.Scenarios)
        {
            var scenario = Scenario.Get(name);
            foreach (var (label, targets, pid) in new[] { ("echo", cluster.Echo, cluster.EchoProcessId), (scenario.Service, cluster.Real, cluster.ServiceFor(scenario.Service).ProcessId) })
            {
                await LoadDriver.ClosedLoopAsync(scenario, targets, options.Concurrency, WarmUp);
                var stats = await LoadDriver.ClosedLoopAsync(scenario, targets, options.Concurrency, duration);
                var (rss, peak) = ProcessMemory.Read(pid);
                results.Add(new MaxResult(name, label, stats, rss, peak));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {label} | {stats.PerSecond:0} | {stats.P50Ms:0.0} | {stats.P99Ms:0.0} | {stats.Errors} | {rss:0} ({peak:0}) |"));
            }
        }

        output.WriteLine();
        foreach (var (name, pid) in cluster.Processes())
        {
            var (rss, peak) = ProcessMemory.Read(pid);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} service: RSS {rss:0} MiB, peak {peak:0} MiB"));
        }

        foreach (var name in options.Scenarios)
        {
            var real = results.Single(r => r.Scenario == name && r.Server != "echo");
            var echo = results.Single(r => r.Scenario == name && r.Server == "echo");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"max {name}={real.Stats.PerSecond:0}/s echo={echo.Stats.PerSecond:0}/s ratio={real.Stats.PerSecond / echo.Stats.PerSecond:0.000} errors={real.Stats.Errors}"));
        }

        if (options.OutFile is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        }

        return results.Any(r => r.Stats.Errors > 0) ? 1 : 0;
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}

/// <summary>One scenario on one server.</summary>
public sealed record MaxResult(string Scenario, string Server, RunStats Stats, double RssMiB, double PeakMiB);
