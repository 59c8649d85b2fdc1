using System.Text;
using System.Text.Json;

namespace Summaries.Deploy.Tests.Docker;

/// <summary>One Dockerfile instruction after line continuations are joined.</summary>
public sealed record Instruction(string Keyword, string Text, int Line)
{
    /// <summary>--name=value flags at the start (--from, --chown, --platform...).</summary>
    public IReadOnlyDictionary<string, string> Flags => Split().Flags;

    /// <summary>Arguments after the flags: the JSON array of the exec form, or shell words.</summary>
    public IReadOnlyList<string> Arguments => Split().Arguments;

    /// <summary>True for the JSON-array (exec) form: the program is PID 1 and gets SIGTERM itself.</summary>
    public bool IsExecForm => Split().Remainder.StartsWith('[');

    private (Dictionary<string, string> Flags, List<string> Arguments, string Remainder) Split()
    {
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = Text.Trim();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(' ', StringComparison.Ordinal);
            var flag = end < 0 ? rest : rest[..end];
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            flags[eq < 0 ? flag[2..] : flag[2..eq]] = eq < 0 ? "true" : flag[(eq + 1)..];
            rest = end < 0 ? string.Empty : rest[end..].TrimStart();
        }

        if (rest.StartsWith('['))
        {
            try
            {
                return (flags, JsonSerializer.Deserialize<List<string>>(rest) ?? [], rest);
            }
            catch (JsonException)
            {
                // Not valid JSON: Docker treats it as shell form too.
            }
        }

        return (flags, Words(rest), rest);
    }

    /// <summary>Whitespace-separated words; double quotes group and are removed.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

/// <summary>A build stage: FROM image [AS name] and the instructions up to the next FROM.</summary>
public sealed record Stage(string Image, string? Name, IReadOnlyList<Instruction> Instructions)
{
    public IEnumerable<Instruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>ENV key=value pairs of this stage (both the key=value and the legacy "ENV key value" forms).</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var instruction in All("ENV"))
            {
                var words = Instruction.Words(instruction.Text);
                if (words.Count >= 2 && !words[0].Contains('=', StringComparison.Ordinal))
                {
                    env[words[0]] = string.Join(' ', words.Skip(1));
                    continue;
                }

                foreach (var word in words)
                {
                    var eq = word.IndexOf('=', StringComparison.Ordinal);
                    if (eq > 0)
                    {
                        env[word[..eq]] = word[(eq + 1)..];
                    }
                }
            }

            return env;
        }
    }
}

/// <summary>A minimal Dockerfile reader: enough to check the rules images must follow, no engine needed.</summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Instruction> instructions, IReadOnlyList<Stage> stages)
    {
        Instructions = instructions;
        Stages = stages;
    }

    public IReadOnlyList<Instruction> Instructions { get; }

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    public static Dockerfile Load(string path) => Parse(File.ReadAllText(path));

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<Instruction>();
        var pending = new StringBuilder();
        var start = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('#') || (pending.Length == 0 && trimmed.Length == 0))
            {
                // Comments (and parser directives) are dropped, also inside a continued instruction.
                continue;
            }

            if (pending.Length == 0)
            {
                start = i + 1;
            }

            var continued = line.TrimEnd().EndsWith('\\');
            pending.Append(continued ? line.TrimEnd()[..^1] : line).Append(' ');
            if (!continued)
            {
                Add(instructions, pending.ToString(), start);
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            Add(instructions, pending.ToString(), start);
        }

        var stages = new List<Stage>();
        foreach (var (from, index) in instructions.Select((x, n) => (x, n)).Where(p => p.x.Keyword == "FROM"))
        {
            var args = from.Arguments;
            var body = instructions.Skip(index + 1).TakeWhile(x => x.Keyword != "FROM").ToList();
            var name = args.Count >= 3 && args[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? args[2] : null;
            stages.Add(new Stage(args.Count > 0 ? args[0] : string.Empty, name, body));
        }

        return new Dockerfile(instructions, stages);
    }

    private static void Add(List<Instruction> instructions, string text, int line)
    {
        text = text.Trim();
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        instructions.Add(new Instruction(keyword, space < 0 ? string.Empty : text[(space + 1)..].Trim(), line));
    }
}
