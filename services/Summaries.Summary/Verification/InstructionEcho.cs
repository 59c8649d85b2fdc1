using Summaries.Summary.Text;

namespace Summaries.Summary.Verification;

/// <summary>
/// Spots a draft sentence that repeats the writer's own instructions (a model leaking its prompt):
/// a run of <see cref="RunLength"/> words from the instructions that the cited facts do not contain.
/// </summary>
public sealed class InstructionEcho
{
    public const int RunLength = 6;

    private readonly HashSet<string> _runs;

    public InstructionEcho(IEnumerable<string> instructions)
    {
        // Template slots ({{$fact_sheet}}) are not instructions.
        _runs = instructions
            .Select(text => System.Text.RegularExpressions.Regex.Replace(text, @"\{\{\s*\$?\w+\s*\}\}", " "))
            .SelectMany(text => Words.Runs(text, RunLength))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>No instructions to protect (the built-in engine has no prompt).</summary>
    public static InstructionEcho None { get; } = new([]);

    /// <summary>The first run of words the text repeats from the instructions and the source does not contain, or null.</summary>
    public string? Find(string text, string source)
    {
        if (_runs.Count == 0)
        {
            return null;
        }

        var sourceRuns = new Lazy<HashSet<string>>(() => Words.Runs(source, RunLength).ToHashSet(StringComparer.Ordinal));
        return Words.Runs(text, RunLength).FirstOrDefault(r => _runs.Contains(r) && !sourceRuns.Value.Contains(r));
    }
}
