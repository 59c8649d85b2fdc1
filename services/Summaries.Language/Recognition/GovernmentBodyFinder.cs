using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// Finds government bodies written in lowercase: a place or nationality, optionally possessive,
/// then modifiers and a body noun, then "of ..." ("China’s ministry of foreign affairs", "the
/// Chinese foreign ministry", "the US state department"). Without a modifier or an "of" complement
/// ("China’s government") the phrase is too vague to name one body.
/// </summary>
internal sealed class GovernmentBodyFinder(Lexicon lexicon)
{
    public IEnumerable<MentionCandidate> Find(TokenizedText text, IReadOnlyList<MentionCandidate> names)
    {
        var placeEndingAt = new Dictionary<int, MentionCandidate>();
        foreach (var name in names)
        {
            if (name.Kind == EntityKind.Location || (name.Kind == EntityKind.Misc && name.Place is not null))
            {
                placeEndingAt[name.LastToken] = name;
            }
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (!text.IsLowercaseWord(i) || !lexicon.GovernmentHeads.Contains(text.Keys[i]))
            {
                continue;
            }

            var sentenceStart = text.SentenceFirstToken[text[i].Sentence];
            var j = i - 1;
            var modifiers = 0;
            while (j >= sentenceStart && text.IsLowercaseWord(j) && lexicon.TitleModifiers.Contains(text.Keys[j]))
            {
                j--;
                modifiers++;
            }

            if (j >= sentenceStart && text[j].Kind == TokenKind.Clitic && text.Keys[j] == "'s")
            {
                j--;
            }

            if (j < sentenceStart || !placeEndingAt.TryGetValue(j, out var place))
            {
                continue;
            }

            var last = ComplementEnd(text, i);
            if (last == i && modifiers == 0)
            {
                continue;
            }

            yield return MentionCandidate.FromTokens(text, place.FirstToken, last, EntityKind.Organization, Evidence.Strong)
                with { Source = MentionSource.GovernmentBody };
            i = last;
        }
    }

    /// <summary>The last token of an "of (the) X Y" complement after the head, or the head itself.</summary>
    private int ComplementEnd(TokenizedText text, int head)
    {
        var sentenceEnd = text.SentenceEndToken[text[head].Sentence];
        var k = head + 1;
        if (k >= sentenceEnd || !text.Is(k, "of"))
        {
            return head;
        }

        k++;
        if (k < sentenceEnd && text.Is(k, "the"))
        {
            k++;
        }

        var last = head;
        for (var taken = 0; k < sentenceEnd && taken < 4 && text.IsWord(k); k++, taken++)
        {
            var key = text.Keys[k];
            if (lexicon.FunctionWords.Contains(key) || lexicon.SpeechCues.Lookup(key) is not null)
            {
                break;
            }

            last = k;
        }

        return last;
    }
}
