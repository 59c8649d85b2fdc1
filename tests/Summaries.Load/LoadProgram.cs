using System.CommandLine;

namespace Summaries.Load;

/// <summary>Commands: <c>max</c> (closed-loop maximum per scenario), <c>soak</c> (open loop at a share of it), <c>registry</c> (the entity service alone as its registry grows), <c>replicas</c> (1 and 2 replicas of each service on PostgreSQL), <c>echo</c> (the no-op server, started by the others).</summary>
public static class LoadProgram
{
    public static Task<int> RunAsync(string[] args) =>
        LoadCommandLine.Create(RunAsync).Parse(args).InvokeAsync();

    private static async Task<int> RunAsync(LoadOptions options) => options.Command switch
    {
        "echo" => await EchoServer.RunAsync(options.Port),
        "max" => await MaxCommand.RunAsync(options, Console.Out),
        "soak" => await SoakCommand.RunAsync(options, Console.Out),
        "registry" => await RegistryCommand.RunAsync(options, Console.Out),
        "replicas" => await ReplicasCommand.RunAsync(options, Console.Out),
        _ => throw new ArgumentException($"unknown command '{options.Command}'"),
    };
}
