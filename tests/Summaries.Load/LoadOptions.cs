using System.Globalization;

namespace Summaries.Load;

/// <summary>The command line: a command, then <c>--name value</c> pairs.</summary>
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
    string? Store = null)
{
    public static LoadOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("a command is required");
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value at '{args[i]}'");
            }

            named[args[i][2..]] = args[++i];
        }

        var scenarios = (named.GetValueOrDefault("scenarios") ?? "ingest,annotate,briefing")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var scenario in scenarios.Where(s => !Scenario.Names.Contains(s)))
        {
            throw new ArgumentException($"unknown scenario '{scenario}'; use {string.Join(", ", Scenario.Names)}");
        }

        var options = new LoadOptions(
            args[0],
            scenarios,
            Number(named, "seconds", 20),
            (int)Number(named, "concurrency", 8),
            Number(named, "minutes", 10),
            Number(named, "load", 0.7),
            named.GetValueOrDefault("max"),
            named.GetValueOrDefault("out"),
            (int)Number(named, "port", 0),
            (int)Number(named, "articles", 20_000),
            named.GetValueOrDefault("store"));
        if (options.Seconds <= 0 || options.Minutes <= 0 || options.Concurrency < 1 || options.Load is <= 0 or > 1 || options.Articles < 1)
        {
            throw new ArgumentException("seconds and minutes must be positive, concurrency and articles at least 1, load in (0, 1]");
        }

        return options;
    }

    private static double Number(Dictionary<string, string> named, string name, double fallback) =>
        named.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"--{name} wants a number, not '{text}'")
            : fallback;
}
