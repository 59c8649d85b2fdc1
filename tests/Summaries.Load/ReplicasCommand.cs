using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Summaries.Testing;
using Summaries.Testing.Replicas;

namespace Summaries.Load;

/// <summary>
/// <c>replicas</c>: for each replica count, a fresh <see cref="ReplicaSystem"/> on one PostgreSQL
/// server (new schemas each time), then bulk ingest of real articles over streams spread over the
/// ingestion replicas, the time until every one is annotated, and a closed loop of briefings through
/// a balanced channel; for each phase, every replica's CPU per item.
/// </summary>
public static class ReplicasCommand
{
    private static readonly TimeSpan BriefingWarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AnnotationTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    /// <summary>Logs at Warning, as the other commands run the services: console logging at Information costs CPU per call.</summary>
    private static readonly Dictionary<string, string> Quiet = new(StringComparer.Ordinal)
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        var server = options.Store ?? Environment.GetEnvironmentVariable(PostgresTestSchema.Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            await Console.Error.WriteLineAsync($"replicas needs a PostgreSQL server: --store or {PostgresTestSchema.Variable}.");
            return 2;
        }

        var pool = BenchArticles.Load();
        if (pool.Count < options.Warmup + options.Articles)
        {
            await Console.Error.WriteLineAsync($"only {pool.Count} distinct articles in the shared data; ask for at most {pool.Count - options.Warmup} (--articles) after a warm-up of {options.Warmup} (--warmup).");
            return 2;
        }

        var warm = pool.Take(options.Warmup).ToArray();
        var measured = pool.Skip(options.Warmup).Take(options.Articles).ToArray();
        output.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs, {Environment.OSVersion}, .NET {Environment.Version}; load average {MaxCommand.LoadAverage()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{measured.Length} real articles ({measured.Sum(a => a.Body.Length) / measured.Length:0} characters on average; {string.Join(", ", measured.CountBy(a => a.Source).Select(kv => $"{kv.Value} {kv.Key}"))}) after {warm.Length} warm-up articles; {options.Streams} streams; briefings: {options.Concurrency} callers for {options.Seconds:0} s after {BriefingWarmUp.TotalSeconds:0} s"));

        var runs = new List<ReplicaRun>();
        foreach (var replicas in options.ReplicaCounts)
        {
            var loadAverage = MaxCommand.LoadAverage();
            output.WriteLine($"{replicas} replica(s) of each service: starting (load average {loadAverage})");
            await using var system = await ReplicaSystem.StartAsync(replicas, extra: Quiet, server: server);
            runs.Add(new ReplicaRun(replicas, loadAverage, await MeasureAsync(system, warm, measured, options, CancellationToken.None)));
        }

        output.WriteLine();
        output.WriteLine("CPU columns: ms of CPU per item (idle: per second), all replicas of the service together (each replica's share in brackets).");
        output.WriteLine("| replicas | phase | items | s | items/s | p50 ms | p95 ms | errors | ingestion CPU | entity CPU | summary CPU | machine CPU s |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            foreach (var phase in run.Phases)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {run.Replicas} | {phase.Phase} | {phase.Items} | {phase.Seconds:0.0} | {phase.PerSecond:0.0} | {Ms(phase.P50Ms)} | {Ms(phase.P95Ms)} | {phase.Errors} | {Cpu(phase, "ingestion")} | {Cpu(phase, "entity")} | {Cpu(phase, "summary")} | {phase.MachineCpuSeconds:0.0} |"));
            }
        }

        if (options.OutFile is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        }

        return runs.SelectMany(r => r.Phases).Any(p => p.Errors > 0) ? 1 : 0;
    }

    private static async Task<IReadOnlyList<ReplicaPhase>> MeasureAsync(
        ReplicaSystem system, BenchArticle[] warm, BenchArticle[] measured, LoadOptions options, CancellationToken cancellationToken)
    {
        // Streams without the retry policy: a retried stream would be buffered whole by the client.
        using var streams = system.IngestionChannel(retry: false);
        using var reads = system.IngestionChannel();
        using var briefings = system.SummaryChannel();
        var runId = Guid.NewGuid().ToString("N")[..8];

        // Every fresh replica compiles its code on its first calls; the warm-up pays that outside the figures.
        var (warmNames, _) = await ReplicaPhases.IngestAsync(streams, warm, options.Streams, $"warm-{runId}", cancellationToken);
        var (warmDone, _) = await ReplicaPhases.WaitAnnotatedAsync(reads, warmNames, AnnotationTimeout, cancellationToken);
        await ReplicaPhases.BriefingsAsync(briefings, warmDone, options.Concurrency, BriefingWarmUp, cancellationToken);

        // What the replicas spend in quiet seconds (timers, background workers, the runtime finishing
        // after the warm-up): a cost per process, kept out of the per-item figures that follow.
        var quiet = CpuSnapshot.Take(system);
        await Task.Delay(IdleWindow, cancellationToken);
        var quietEnd = CpuSnapshot.Take(system);
        var idle = new ReplicaPhase("idle (CPU ms per second)", 0, IdleWindow.TotalSeconds, 0, double.NaN, double.NaN, 0,
            quietEnd.PerItemSince(quiet, IdleWindow.TotalSeconds), quietEnd.Machine - quiet.Machine);

        var start = CpuSnapshot.Take(system);
        var clock = Stopwatch.StartNew();
        var (names, ingestErrors) = await ReplicaPhases.IngestAsync(streams, measured, options.Streams, $"bench-{runId}", cancellationToken);
        var (ingestedAt, ingestedCpu) = (clock.Elapsed, CpuSnapshot.Take(system));
        // The service's content rules may turn a real article away (all boilerplate once cleaned):
        // reported, and left out of the counts, but not a failure of the system.
        var rejected = ingestErrors.Where(e => e.Key.StartsWith("INVALID_ARGUMENT", StringComparison.Ordinal)).Sum(e => e.Value);
        foreach (var (reason, count) in ingestErrors)
        {
            Console.Error.WriteLine($"{count} article(s) not stored: {reason}");
        }

        var (done, failed) = await ReplicaPhases.WaitAnnotatedAsync(reads, names, AnnotationTimeout, cancellationToken);
        var (annotatedAt, annotatedCpu) = (clock.Elapsed, CpuSnapshot.Take(system));

        var briefingStart = CpuSnapshot.Take(system);
        var (stats, p95) = await ReplicaPhases.BriefingsAsync(briefings, done, options.Concurrency, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
        var briefed = CpuSnapshot.Take(system);

        return
        [
            idle,
            Phase("ingest", measured.Length - rejected, ingestedAt, ingestErrors.Values.Sum() - rejected, start, ingestedCpu),
            Phase("ingest→annotated", done.Count, annotatedAt, failed, start, annotatedCpu),
            Phase("briefing", stats.Ok, TimeSpan.FromSeconds(options.Seconds), stats.Errors, briefingStart, briefed) with { P50Ms = stats.P50Ms, P95Ms = p95 },
        ];
    }

    private static ReplicaPhase Phase(string name, int items, TimeSpan elapsed, int errors, CpuSnapshot start, CpuSnapshot end) =>
        new(name, items, elapsed.TotalSeconds, items / elapsed.TotalSeconds, double.NaN, double.NaN, errors, end.PerItemSince(start, items), end.Machine - start.Machine);

    private static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "–" : milliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Cpu(ReplicaPhase phase, string service)
    {
        var replicas = phase.Cpu.Where(c => c.Service == service).ToArray();
        var total = replicas.Sum(c => c.MsPerItem).ToString("0.00", CultureInfo.InvariantCulture);
        return replicas.Length == 1 ? total : $"{total} ({string.Join(" + ", replicas.Select(c => c.MsPerItem.ToString("0.00", CultureInfo.InvariantCulture)))})";
    }
}

/// <summary>One replica count's phases, and the machine's load average before the system started.</summary>
public sealed record ReplicaRun(int Replicas, string LoadAverageAtStart, IReadOnlyList<ReplicaPhase> Phases);

/// <summary>
/// One measured phase: items done, over how long, latency (briefings only; NaN otherwise), errors
/// (failed items, or articles whose annotation failed), each replica's CPU and the machine's busy CPU.
/// </summary>
public sealed record ReplicaPhase(
    string Phase, int Items, double Seconds, double PerSecond, double P50Ms, double P95Ms, int Errors, IReadOnlyList<ReplicaCpu> Cpu, double MachineCpuSeconds);
