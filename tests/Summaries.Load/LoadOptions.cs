namespace Summaries.Load;

/// <summary>What a command was given (see <see cref="LoadCommandLine"/>); options a command does not take keep their defaults.</summary>
public sealed record LoadOptions(
    string Command,
    IReadOnlyList<string> Scenarios,
    double Seconds,
    int Concurrency,
    double Minutes,
    double Load,
    string? MaxFile,
    string? OutFile,
    int Port,
    int Articles = 20_000,
    string? Store = null,
    IReadOnlyList<int>? Replicas = null,
    int Streams = 4,
    int Warmup = 100)
{
    /// <summary>The replica counts the <c>replicas</c> command measures, one after the other.</summary>
    public IReadOnlyList<int> ReplicaCounts => Replicas ?? [1, 2];
}
