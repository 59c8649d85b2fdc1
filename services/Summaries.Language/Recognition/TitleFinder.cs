using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>A title head phrase in the text, tokens <c>[First..Last]</c>; <paramref name="Head"/> is its singular key.</summary>
internal sealed record TitleMatch(int First, int Last, string Head);

/// <summary>Finds title phrases ("President", "secretary of state", "co-founder", "Sen.") anywhere in the text.</summary>
internal sealed class TitleFinder(Lexicon lexicon)
{
    public IReadOnlyList<TitleMatch> Find(TokenizedText text)
    {
        var matches = new List<TitleMatch>();
        string? KeyAt(int j) => text.IsWord(j) ? text.Keys[j] : null;
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var end = text.SentenceEndToken[s];
            for (var i = text.SentenceFirstToken[s]; i < end; i++)
            {
                if (text.IsWord(i) && lexicon.Titles.TryMatch(KeyAt, i, end, out var length, out var entry))
                {
                    matches.Add(new TitleMatch(i, i + length - 1, entry!.Head));
                    i += length - 1;
                }
            }
        }

        return matches;
    }
}
