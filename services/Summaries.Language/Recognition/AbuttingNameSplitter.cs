using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// Splits a person name that runs two people together: a byline and a photo caption with the line
/// break between them lost ("By Anna Berg Tomas Lind smiling at the award") read as one capitalised
/// run. Where a run of four or more words divides into two names of two or more words each, and the
/// text uses both names on their own elsewhere, the run is those two people. A longer name whose
/// parts the text never uses alone ("Andrés Manuel López Obrador" beside "López Obrador" only) stays whole.
/// </summary>
internal static class AbuttingNameSplitter
{
    private const int MinimumPartLength = 2;

    /// <summary>
    /// Two names run together are a handful of words; a longer run is never tried. Each split point
    /// builds both parts' text, so a run of n words costs n² (a 200,000-word capitalised "sentence",
    /// tagged as one name, took minutes).
    /// </summary>
    private const int MaximumRunLength = 12;

    public static IReadOnlyList<MentionCandidate> Split(TokenizedText text, IReadOnlyList<MentionCandidate> mentions)
    {
        List<MentionCandidate>? result = null;
        HashSet<string>? namesUsed = null;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention is { Kind: EntityKind.Person, Source: MentionSource.Name } && mention.LastToken - mention.FirstToken + 1 is >= 2 * MinimumPartLength and <= MaximumRunLength)
            {
                namesUsed ??= MultiWordNames(text, mentions);
                var at = SplitPoint(text, mention, namesUsed);
                if (at > 0)
                {
                    result ??= mentions.Take(i).ToList();
                    result.Add(Part(text, mention, mention.FirstToken, at - 1));
                    result.Add(Part(text, mention, at, mention.LastToken));
                    continue;
                }
            }

            result?.Add(mention);
        }

        return result ?? mentions;
    }

    /// <summary>The first token of the second name, or -1 when the run is not two names the text uses alone.</summary>
    private static int SplitPoint(TokenizedText text, MentionCandidate mention, HashSet<string> namesUsed)
    {
        for (var at = mention.FirstToken + MinimumPartLength; at + MinimumPartLength - 1 <= mention.LastToken; at++)
        {
            if (namesUsed.Contains(Words(text, mention.FirstToken, at - 1)) && namesUsed.Contains(Words(text, at, mention.LastToken)))
            {
                return at;
            }
        }

        return -1;
    }

    private static HashSet<string> MultiWordNames(TokenizedText text, IReadOnlyList<MentionCandidate> mentions)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (mention.Source == MentionSource.Name && mention.LastToken > mention.FirstToken)
            {
                names.Add(Words(text, mention.FirstToken, mention.LastToken));
            }
        }

        return names;
    }

    private static string Words(TokenizedText text, int first, int last) =>
        string.Join(' ', Enumerable.Range(first, last - first + 1).Select(i => text.Surface[i]));

    private static MentionCandidate Part(TokenizedText text, MentionCandidate mention, int first, int last) =>
        mention with { FirstToken = first, LastToken = last, Start = text[first].Start, End = text[last].End, Group = null, Place = null };
}
