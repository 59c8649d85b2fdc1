namespace Summaries.Load;

/// <summary>Commands: <c>max</c> (closed-loop maximum per scenario), <c>soak</c> (open loop at a share of it), <c>registry</c> (the entity service alone as its registry grows), <c>echo</c> (the no-op server, started by the others).</summary>
public static class LoadProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var options = LoadOptions.Parse(args);
            return options.Command switch
            {
                "echo" => await EchoServer.RunAsync(options.Port),
                "max" => await MaxCommand.RunAsync(options, Console.Out),
                "soak" => await SoakCommand.RunAsync(options, Console.Out),
                "registry" => await RegistryCommand.RunAsync(options, Console.Out),
                _ => Usage($"unknown command '{options.Command}'"),
            };
        }
        catch (ArgumentException ex)
        {
            return Usage(ex.Message);
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"""
            {problem}
            usage: Summaries.Load max  [--scenarios ingest,annotate,briefing] [--seconds 20] [--concurrency 8] [--out max.json]
                   Summaries.Load soak [--minutes 10] [--load 0.7] [--max max.json] [--out soak.json]
                   Summaries.Load registry [--articles 20000] [--concurrency 8] [--store <entity connection string>]
            """);
        return 2;
    }
}
