using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Resolution;

/// <summary>How person names are compared: by their name words, ignoring initials ("Donald J. Trump" ≈ "Donald Trump").</summary>
internal static class PersonNames
{
    public static IReadOnlyList<string> Tokens(TokenizedText text, MentionCandidate mention)
    {
        var tokens = new List<string>();
        for (var i = mention.FirstToken; i <= mention.LastToken; i++)
        {
            if (text.IsWord(i) && !IsInitial(text.Surface[i]))
            {
                tokens.Add(text.Keys[i]);
            }
        }

        return tokens;
    }

    /// <summary>Word tokens including initials: the measure of how full a written name is.</summary>
    public static int Fullness(TokenizedText text, int first, int last)
    {
        var count = 0;
        for (var i = first; i <= last; i++)
        {
            count += text.IsWord(i) ? 1 : 0;
        }

        return count;
    }

    /// <summary>"J.", "G.K.", "J": a letter or dotted letters.</summary>
    public static bool IsInitial(string surface) =>
        surface.Length == 1 || (surface.Contains('.', StringComparison.Ordinal) && surface.Length <= 5 && surface.All(c => c == '.' || char.IsUpper(c)));

    /// <summary>Same first and last name word: one person written with or without middle names.</summary>
    public static bool SameFullName(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count >= 2 && b.Count >= 2
        && string.Equals(a[0], b[0], StringComparison.Ordinal)
        && string.Equals(a[^1], b[^1], StringComparison.Ordinal);
}
