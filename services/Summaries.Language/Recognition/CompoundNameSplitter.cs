using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// Finds names inside hyphenated words: "China-US relations" mentions China and the US,
/// "anti-NATO" mentions NATO, "Polish-American" is one nationality word.
/// </summary>
internal sealed class CompoundNameSplitter(Lexicon lexicon)
{
    public bool TrySplit(TokenizedText text, int token, out IReadOnlyList<MentionCandidate> parts)
    {
        var surface = text.Surface[token];
        var found = new List<MentionCandidate>();
        parts = found;
        if (!text.IsWord(token) || !surface.Any(CharClasses.IsHyphen))
        {
            return false;
        }

        var start = text[token].Start;
        var offset = 0;
        var allDemonyms = true;
        var pieces = 0;
        foreach (var piece in surface.Split(['-', '‐', '‑']))
        {
            pieces++;
            var candidate = PartMention(text, token, start + offset, piece);
            allDemonyms &= candidate is { Kind: EntityKind.Misc };
            if (candidate is not null)
            {
                found.Add(candidate);
            }

            offset += piece.Length + 1;
        }

        if (allDemonyms && pieces > 1)
        {
            found.Clear();
            found.Add(MentionCandidate.FromTokens(text, token, token, EntityKind.Misc, Evidence.Strong) with { Source = MentionSource.CompoundPart });
        }

        return found.Count > 0;
    }

    private MentionCandidate? PartMention(TokenizedText text, int token, int start, string piece)
    {
        if (piece.Length == 0 || !char.IsUpper(piece[0]))
        {
            return null;
        }

        var sentence = text[token].Sentence;
        var entry = lexicon.Gazetteer.Lookup(LexiconKeys.Normalize(piece));
        if (entry is not null && entry.Forms.Count == 1 && (!LexiconKeys.IsAllCaps(entry.Forms[0]) || LexiconKeys.IsAllCaps(piece)))
        {
            return new MentionCandidate(token, token, start, start + piece.Length, entry.Kind, Evidence.Strong, sentence)
            {
                Source = MentionSource.CompoundPart,
                Group = entry.Group,
                Place = entry.Place,
            };
        }

        if (LexiconKeys.IsAllCaps(piece) && piece.Length <= 6 && piece.All(char.IsLetter) && !lexicon.NonEntities.Contains(piece))
        {
            return new MentionCandidate(token, token, start, start + piece.Length, EntityKind.Organization, Evidence.Medium, sentence)
            {
                Source = MentionSource.CompoundPart,
            };
        }

        return null;
    }
}
