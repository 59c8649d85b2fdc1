using System.Collections.Frozen;

namespace Summaries.Language.Lexicons;

/// <summary>
/// Longest-match lookup of multi-word phrases over a token sequence. Phrases are stored as
/// normalised keys (<see cref="LexiconKeys.Normalize"/>); a trie keeps each lookup proportional to
/// the phrase length rather than to the number of phrases.
/// </summary>
internal sealed class PhraseMatcher<T>
    where T : class
{
    private readonly Node root;

    private PhraseMatcher(Node root)
    {
        this.root = root;
    }

    public static PhraseMatcher<T> Build(IEnumerable<(IReadOnlyList<string> Keys, T Value)> phrases)
    {
        var builder = new BuilderNode();
        foreach (var (keys, value) in phrases)
        {
            if (keys.Count == 0)
            {
                continue;
            }

            var node = builder;
            foreach (var key in keys)
            {
                if (!node.Children.TryGetValue(key, out var child))
                {
                    child = new BuilderNode();
                    node.Children[key] = child;
                }

                node = child;
            }

            // The first entry wins, so a list can put its preferred reading first.
            node.Value ??= value;
        }

        return new PhraseMatcher<T>(builder.Freeze());
    }

    /// <summary>
    /// Finds the longest phrase starting at <paramref name="start"/>. <paramref name="keyAt"/> gives the
    /// normalised key of a token index, or null where a phrase cannot continue.
    /// </summary>
    public bool TryMatch(Func<int, string?> keyAt, int start, int limit, out int length, out T? value)
    {
        length = 0;
        value = null;
        var node = root;
        for (var i = start; i < limit; i++)
        {
            var key = keyAt(i);
            if (key is null || !node.Children.TryGetValue(key, out var child))
            {
                break;
            }

            node = child;
            if (node.Value is not null)
            {
                length = i - start + 1;
                value = node.Value;
            }
        }

        return value is not null;
    }

    /// <summary>Whether a single key is a whole phrase.</summary>
    public T? Lookup(string key) =>
        root.Children.TryGetValue(key, out var child) ? child.Value : null;

    private sealed class Node(FrozenDictionary<string, Node> children, T? value)
    {
        public FrozenDictionary<string, Node> Children { get; } = children;

        public T? Value { get; } = value;
    }

    private sealed class BuilderNode
    {
        public Dictionary<string, BuilderNode> Children { get; } = new(StringComparer.Ordinal);

        public T? Value { get; set; }

        public Node Freeze() =>
            new(Children.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Freeze(), StringComparer.Ordinal), Value);
    }
}
