namespace Summaries.Evaluation;

/// <summary>Positional arguments and <c>--name value</c> options of one command.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                if (!options.ContainsKey(pending))
                {
                    options[pending] = [];
                }
            }
            else if (pending is not null)
            {
                options[pending].Add(arg);
                pending = null;
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string? Option(string name) => options.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public IReadOnlyList<string> Options(string name) => options.TryGetValue(name, out var values) ? values : [];

    public string Required(string name) =>
        Option(name) ?? throw new UsageException($"--{name} <value> is required.");

    public string RequiredPositional(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new UsageException($"Missing {what}.");
}

/// <summary>A command line that cannot be run; the message says why.</summary>
internal sealed class UsageException(string message) : Exception(message);
