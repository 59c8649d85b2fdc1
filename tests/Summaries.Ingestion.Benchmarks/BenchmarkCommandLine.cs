using System.CommandLine;

namespace Summaries.Ingestion.Benchmarks;

/// <summary>
/// The benchmark's options, and <c>echo-server --port N</c> (what the benchmark starts by itself as the
/// no-op side), parsed and checked by System.CommandLine.
/// </summary>
public static class BenchmarkCommandLine
{
    public static RootCommand Create(Func<BenchmarkOptions, Task<int>> benchmark, Func<BenchmarkOptions, Task<int>> echoServer)
    {
        var defaults = new BenchmarkOptions();
        var count = Number("--count", defaults.Count, "articles measured per target");
        var warmup = Number("--warmup", defaults.Warmup, "unmeasured articles sent first");
        var mode = new Option<string>("--mode")
        {
            HelpName = "stream|unary",
            Description = "one StreamCreateArticles call, or CreateArticle from --concurrency callers",
            DefaultValueFactory = _ => defaults.Mode,
        }.AcceptOnlyFromAmong("stream", "unary");
        var window = Number("--window", defaults.Window, "stream mode: most articles sent but not yet acknowledged");
        var concurrency = Number("--concurrency", defaults.Concurrency, "unary mode: concurrent callers");
        var synchronous = new Option<string>("--synchronous")
        {
            HelpName = "Normal|Full",
            Description = "the ingestion service's SQLite synchronous setting",
            DefaultValueFactory = _ => defaults.Synchronous,
        };
        var postgres = new Option<string>("--postgres") { HelpName = "connection string", Description = "benchmark this PostgreSQL store instead of a temp SQLite file" };
        var serverEnvironment = new Option<string[]>("--server-env")
        {
            HelpName = "Key=Value",
            Description = "a setting for the ingestion process (repeatable)",
            Validators =
            {
                result =>
                {
                    foreach (var token in result.Tokens.Where(t => !t.Value.Contains('=', StringComparison.Ordinal)))
                    {
                        result.AddError($"--server-env wants Key=Value, not '{token.Value}'");
                    }
                },
            },
        };
        var port = new Option<int>("--port") { Description = "the port to listen on" };

        var root = new RootCommand("Streams articles into the real ingestion service and into a no-op echo, and prints both.")
        {
            count, warmup, mode, window, concurrency, synchronous, postgres, serverEnvironment,
        };
        root.SetAction((result, _) => benchmark(new BenchmarkOptions
        {
            Count = result.GetValue(count),
            Warmup = result.GetValue(warmup),
            Mode = result.GetRequiredValue(mode),
            Window = result.GetValue(window),
            Concurrency = result.GetValue(concurrency),
            Synchronous = result.GetRequiredValue(synchronous),
            Postgres = result.GetValue(postgres),
            ServerEnvironment = (result.GetValue(serverEnvironment) ?? [])
                .Select(setting => setting.Split('=', 2))
                .GroupBy(pair => pair[0], StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal),
        }));

        var echo = new Command("echo-server", "the no-op side, which the benchmark starts by itself") { port };
        echo.SetAction((result, _) => echoServer(new BenchmarkOptions { Port = result.GetValue(port) }));
        root.Add(echo);
        return root;
    }

    private static Option<int> Number(string name, int fallback, string description) => new(name)
    {
        HelpName = "N",
        Description = description,
        DefaultValueFactory = _ => fallback,
    };
}
