using Summaries.Testing.Replicas;

namespace Summaries.Load;

/// <summary>CPU seconds of every replica process of every service, and of the machine, at one moment.</summary>
public sealed record CpuSnapshot(IReadOnlyDictionary<string, double[]> PerService, double Machine)
{
    public static readonly IReadOnlyList<string> Services = ["ingestion", "entity", "summary"];

    public static CpuSnapshot Take(ReplicaSystem system) => new(
        new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["ingestion"] = Read(system.Ingestion),
            ["entity"] = Read(system.Entity),
            ["summary"] = Read(system.Summary),
        },
        ProcessCpu.MachineBusySeconds());

    /// <summary>What each replica spent between <paramref name="start"/> and this snapshot, in ms per item (or per <paramref name="items"/> of anything, seconds for instance).</summary>
    public IReadOnlyList<ReplicaCpu> PerItemSince(CpuSnapshot start, double items) =>
        [.. Services.SelectMany(service => PerService[service].Select((seconds, replica) =>
            new ReplicaCpu(service, replica, seconds - start.PerService[service][replica], (seconds - start.PerService[service][replica]) * 1000 / Math.Max(items, 1))))];

    private static double[] Read(IEnumerable<Summaries.Testing.ServiceProcess?> processes) =>
        [.. processes.Select(p => p is null ? double.NaN : ProcessCpu.Seconds(p.ProcessId))];
}

/// <summary>One replica's CPU over a phase: seconds in all, and milliseconds per item of the phase.</summary>
public sealed record ReplicaCpu(string Service, int Replica, double CpuSeconds, double MsPerItem);
