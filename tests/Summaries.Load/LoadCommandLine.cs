using System.CommandLine;

namespace Summaries.Load;

/// <summary>The commands and their options, parsed and checked by System.CommandLine.</summary>
public static class LoadCommandLine
{
    private static readonly Option<string[]> Scenarios = new("--scenarios")
    {
        HelpName = "list",
        Description = "scenarios to run, comma-separated",
        DefaultValueFactory = _ => [.. Scenario.Names],
        CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        Validators =
        {
            result =>
            {
                foreach (var scenario in result.GetValueOrDefault<string[]>().Where(s => !Scenario.Names.Contains(s)))
                {
                    result.AddError($"unknown scenario '{scenario}'; use {string.Join(", ", Scenario.Names)}");
                }
            },
        },
    };

    private static readonly Option<double> Seconds = Positive("--seconds", 20, "seconds per closed-loop run");
    private static readonly Option<int> Concurrency = AtLeastOne("--concurrency", 8, "concurrent callers");
    private static readonly Option<double> Minutes = Positive("--minutes", 10, "soak duration in minutes");
    private static readonly Option<int> Articles = AtLeastOne("--articles", 20_000, "articles sent to the entity service");
    private static readonly Option<string> Max = new("--max") { HelpName = "max.json", Description = "maxima from an earlier 'max' run instead of measuring them" };
    private static readonly Option<string> Out = new("--out") { HelpName = "file.json", Description = "write the results here as JSON" };
    private static readonly Option<string> Store = new("--store") { HelpName = "connection string", Description = "the entity service's store (default: a temp SQLite file)" };
    private static readonly Option<int> Port = new("--port") { Description = "the port to listen on" };

    /// <summary>Most replicas of each service one run may start: three processes each on one machine and one PostgreSQL server.</summary>
    public const int MaxReplicas = 4;

    private static readonly Option<int[]> Replicas = new("--replicas")
    {
        HelpName = "list",
        Description = $"replica counts to measure one after the other, comma-separated (1 to {MaxReplicas})",
        DefaultValueFactory = _ => [1, 2],
        CustomParser = result =>
        {
            var counts = new List<int>();
            foreach (var item in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxReplicas)
                {
                    counts.Add(count);
                }
                else
                {
                    result.AddError($"--replicas: '{item}' is not a whole number from 1 to {MaxReplicas}");
                }
            }

            return [.. counts];
        },
    };

    private static readonly Option<int> ReplicaArticles = AtLeastOne("--articles", 1_000, "measured articles (distinct real articles from the shared data)");
    private static readonly Option<int> Streams = AtLeastOne("--streams", 4, "StreamCreateArticles calls, spread over the ingestion replicas");
    private static readonly Option<int> Warmup = AtLeastOne("--warmup", 100, "articles ingested, annotated and briefed before the measured phases");
    private static readonly Option<string> Server = new("--store") { HelpName = "connection string", Description = "the PostgreSQL server (default: SUMMARIES_TEST_POSTGRES); each run makes its own schemas" };

    private static readonly Option<double> Load = new("--load")
    {
        HelpName = "share",
        Description = "share of the measured maximum, in (0, 1]",
        DefaultValueFactory = _ => 0.7,
        Validators = { result => AddErrorUnless(result, result.GetValueOrDefault<double>() is > 0 and <= 1, "--load must be in (0, 1]") },
    };

    public static RootCommand Create(Func<LoadOptions, Task<int>> run)
    {
        var root = new RootCommand("Load generator and soak: drives the three real services (and a no-op echo) over loopback gRPC.");
        root.Add(Define("max", "closed loop: echo, then the real service, per scenario", run, Scenarios, Seconds, Concurrency, Out));
        root.Add(Define("soak", "open loop at a share of the maxima, all scenarios together", run, Scenarios, Seconds, Concurrency, Minutes, Load, Max, Out));
        root.Add(Define("registry", "the entity service alone as its registry grows", run, Articles, Concurrency, Store));
        root.Add(DefineReplicas(run));
        root.Add(Define("echo", "the no-op server the other commands start", run, Port));
        return root;
    }

    private static Command Define(string name, string description, Func<LoadOptions, Task<int>> run, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Add(option);
        }

        command.SetAction((result, _) => run(new LoadOptions(
            name,
            result.GetValue(Scenarios) ?? [.. Scenario.Names],
            result.GetValue(Seconds),
            result.GetValue(Concurrency),
            result.GetValue(Minutes),
            result.GetValue(Load),
            result.GetValue(Max),
            result.GetValue(Out),
            result.GetValue(Port),
            result.GetValue(Articles),
            result.GetValue(Store))));
        return command;
    }

    private static Command DefineReplicas(Func<LoadOptions, Task<int>> run)
    {
        var command = new Command("replicas", "1 and 2 replicas of each service on one PostgreSQL: bulk ingest, annotation, briefings, CPU per item")
        {
            Replicas, ReplicaArticles, Warmup, Streams, Seconds, Concurrency, Server, Out,
        };
        command.SetAction((result, _) => run(new LoadOptions(
            "replicas",
            [.. Scenario.Names],
            result.GetValue(Seconds),
            result.GetValue(Concurrency),
            result.GetValue(Minutes),
            result.GetValue(Load),
            null,
            result.GetValue(Out),
            0,
            result.GetValue(ReplicaArticles),
            result.GetValue(Server),
            result.GetValue(Replicas),
            result.GetValue(Streams),
            result.GetValue(Warmup))));
        return command;
    }

    private static Option<double> Positive(string name, double fallback, string description) => new(name)
    {
        HelpName = "N",
        Description = description,
        DefaultValueFactory = _ => fallback,
        Validators = { result => AddErrorUnless(result, result.GetValueOrDefault<double>() > 0, $"{name} must be positive") },
    };

    private static Option<int> AtLeastOne(string name, int fallback, string description) => new(name)
    {
        HelpName = "N",
        Description = description,
        DefaultValueFactory = _ => fallback,
        Validators = { result => AddErrorUnless(result, result.GetValueOrDefault<int>() >= 1, $"{name} must be at least 1") },
    };

    private static void AddErrorUnless(System.CommandLine.Parsing.OptionResult result, bool valid, string message)
    {
        if (!valid)
        {
            result.AddError(message);
        }
    }
}
