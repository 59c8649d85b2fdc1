using System.Globalization;
using System.Runtime.InteropServices;

namespace Summaries.Ingestion.Benchmarks;

/// <summary>Runs the same workload against the no-op echo and against the real ingestion service, and prints both.</summary>
public static class Benchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var self = typeof(Benchmark).Assembly.Location;
        var ingestionDll = IngestionDll();
        var data = Path.Combine(Path.GetTempPath(), "summaries-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"Workload: {options.Count} seed-sized articles (+{options.Warmup} warm-up), mode {options.Mode}, "
            + (options.Mode == "unary" ? $"{options.Concurrency} concurrent callers" : $"window {options.Window}")
            + $", store {(options.Postgres is null ? $"SQLite (synchronous={options.Synchronous})" : "PostgreSQL")}");
        Console.WriteLine($"Load average before: {LoadAverage()} (other work on this machine competes for its CPUs)");
        try
        {
            await using var echo = await ServerProcess.StartAsync(self, ["echo-server", "--port", "{port}"], new Dictionary<string, string>());
            var echoResult = await MeasureAsync(echo, "echo", options);
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Ingestion"] = options.Postgres ?? $"Data Source={Path.Combine(data, "ingestion.db")}",
                ["Ingestion__Storage__SqliteSynchronous"] = options.Synchronous,
                ["Seeds__Enabled"] = "false",
                ["Clients__EntityService__Address"] = echo.Address,
            };
            foreach (var (key, value) in options.ServerEnvironment)
            {
                environment[key] = value;
            }

            await using var ingestion = await ServerProcess.StartAsync(ingestionDll, [], environment);
            var ingestResult = await MeasureAsync(ingestion, "ingestion", options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Ready after start: echo {echo.StartupTime.TotalSeconds:F1} s, ingestion {ingestion.StartupTime.TotalSeconds:F1} s. Load average after: {LoadAverage()}"));

            Console.WriteLine();
            Console.WriteLine("| server | acknowledged/s | p50 ms | p99 ms | failed | server RSS MiB (peak) | server CPU µs/article | client CPU µs/article | written KiB/article | write calls/article |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Print("no-op echo", echoResult);
            Print("ingestion (durable)", ingestResult);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Durable ingest runs at {ingestResult.Run.PerSecond / echoResult.Run.PerSecond:F2}x the echo's throughput."));
            return ingestResult.Run.Failed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<Measurement> MeasureAsync(ServerProcess server, string runId, BenchmarkOptions options)
    {
        if (options.Warmup > 0)
        {
            await LoadClient.RunAsync(server.Channel, Workload.Make(runId + "-warmup", options.Warmup), options);
        }

        var requests = Workload.Make(runId + "-" + Guid.NewGuid().ToString("N")[..8], options.Count);
        var cpuBefore = server.CpuTime();
        var clientCpuBefore = ServerProcess.CpuTime(Environment.ProcessId);
        var writtenBefore = server.Written();
        var result = await LoadClient.RunAsync(server.Channel, requests, options);
        // Background work that the run caused (annotation of the last articles) is not waited for.
        var cpu = server.CpuTime() - cpuBefore;
        var clientCpu = ServerProcess.CpuTime(Environment.ProcessId) - clientCpuBefore;
        var written = server.Written();
        return new Measurement(
            result, server.Memory(), cpu / options.Count, clientCpu / options.Count,
            (written.Bytes - writtenBefore.Bytes) / 1024.0 / options.Count, (written.Calls - writtenBefore.Calls) / (double)options.Count);
    }

    private static void Print(string name, Measurement m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {m.Run.PerSecond:F0} | {m.Run.P50.TotalMilliseconds:F1} | {m.Run.P99.TotalMilliseconds:F1} | {m.Run.Failed} | {m.Memory.Rss:F0} ({m.Memory.Peak:F0}) | {m.CpuPerArticle.TotalMicroseconds:F0} | {m.ClientCpuPerArticle.TotalMicroseconds:F0} | {m.WrittenKiB:F1} | {m.WriteCalls:F1} |"));

    /// <summary>Written bytes and calls are the server's write-like system calls (its database files; socket sends are not counted).</summary>
    private sealed record Measurement(
        RunResult Run, (double Rss, double Peak) Memory, TimeSpan CpuPerArticle, TimeSpan ClientCpuPerArticle, double WrittenKiB, double WriteCalls);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string IngestionDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "services", "Summaries.Ingestion", "bin", configuration, "net10.0", "Summaries.Ingestion.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        throw new FileNotFoundException($"Summaries.Ingestion.dll ({configuration}) not found; build the service first.");
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
