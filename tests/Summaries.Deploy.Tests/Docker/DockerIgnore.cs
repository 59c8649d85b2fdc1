using System.Text;
using System.Text.RegularExpressions;

namespace Summaries.Deploy.Tests.Docker;

/// <summary>.dockerignore semantics: patterns in order, the last one matching a path or a folder above it wins; '!' re-includes.</summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> rules;

    private DockerIgnore(List<(Regex, bool)> rules) => this.rules = rules;

    public static DockerIgnore Load(string path) => Parse(File.Exists(path) ? File.ReadAllText(path) : string.Empty);

    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            rules.Add((new Regex("^" + GlobToRegex(pattern) + "$", RegexOptions.CultureInvariant), include));
        }

        return new DockerIgnore(rules);
    }

    /// <summary>Whether a path relative to the build context (forward slashes) is left out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var candidates = new List<string>();
        for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1))
        {
            candidates.Add(path[..i]);
        }

        candidates.Add(path);
        var excluded = false;
        foreach (var (pattern, include) in rules)
        {
            if (candidates.Any(pattern.IsMatch))
            {
                excluded = !include;
            }
        }

        return excluded;
    }

    private static string GlobToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches any number of folders, including none.
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
