namespace Summaries.Language.Tagging;

/// <summary>
/// 64-bit hashes that name features without building strings: a word is hashed once per token and
/// every feature is a mix of a template's hash and token hashes.
/// Changing any constant here changes every feature, so a trained model only works with these.
/// </summary>
internal static class FeatureHash
{
    /// <summary>The FNV-1a offset: the hash of no characters.</summary>
    public const ulong Empty = 0xCBF29CE484222325UL;

    private const ulong FnvPrime = 0x100000001B3UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>One FNV-1a step; cheap enough to run over every character.</summary>
    public static ulong Add(ulong hash, char c) => (hash ^ c) * FnvPrime;

    /// <summary>splitmix64's finaliser, so that nearby inputs land far apart.</summary>
    public static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An ordered mix: <c>Combine(a, b) != Combine(b, a)</c>.</summary>
    public static ulong Combine(ulong a, ulong b) => Finish((a * Golden) + b);

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(Combine(a, b), c), d);

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = Empty;
        foreach (var c in text)
        {
            hash = Add(hash, c);
        }

        return Finish(hash);
    }
}
