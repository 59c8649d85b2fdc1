using System.CommandLine;
using System.CommandLine.Parsing;

namespace Summaries.Evaluation;

/// <summary>
/// What one parsed command was given, as the commands read it: positional arguments in order and
/// the raw text of each <c>--name value</c> option. System.CommandLine has already checked names,
/// counts and number formats; the commands apply their own defaults.
/// </summary>
internal sealed class CommandLine(ParseResult result)
{
    public List<string> Positional { get; } =
        result.CommandResult.Command.Arguments.SelectMany(argument => Values(result.GetResult(argument))).ToList();

    public string? Option(string name) => Options(name) is [.., var last] ? last : null;

    public IReadOnlyList<string> Options(string name) =>
        result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--" + name) is { } option
            ? Values(result.GetResult(option))
            : [];

    public string Required(string name) =>
        Option(name) ?? throw new UsageException($"--{name} <value> is required.");

    public string RequiredPositional(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new UsageException($"Missing {what}.");

    private static List<string> Values(SymbolResult? symbol) =>
        symbol is null or OptionResult { Implicit: true } ? [] : symbol.Tokens.Select(t => t.Value).ToList();
}

/// <summary>A command line that cannot be run; the message says why.</summary>
internal sealed class UsageException(string message) : Exception(message);
