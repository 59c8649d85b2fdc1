using System.Collections.Frozen;
using Summaries.Language.Lexicons;
using Summaries.Language.Resolution;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Looks mentions up by token (the widest one where mentions nest) and resolves pronouns: he/she to
/// a person, it to an organisation, preferring the subject of the current or a recent sentence
/// (the first such mention outside quotes) and respecting gender where an honorific ("Mr", "Mrs")
/// has shown it.
/// </summary>
internal sealed class MentionIndex
{
    private const int SentencesBack = 3;

    private static readonly FrozenSet<string> Male = FrozenSet.Create(StringComparer.Ordinal, "mr", "sir", "lord", "messrs", "herr", "monsieur");

    private static readonly FrozenSet<string> Female = FrozenSet.Create(
        StringComparer.Ordinal,
        "mrs", "ms", "miss", "dame", "lady", "madam", "madame", "mme", "mlle", "frau");

    private readonly ResolvedMention?[] atToken;
    private readonly IReadOnlyList<ResolvedMention> mentions;
    private readonly TokenizedText text;
    private readonly bool[] insideQuote;
    private readonly Dictionary<string, bool> isFemale = new(StringComparer.Ordinal);

    public MentionIndex(TokenizedText text, IReadOnlyList<ResolvedMention> mentions, bool[] insideQuote)
    {
        this.text = text;
        this.mentions = mentions;
        this.insideQuote = insideQuote;
        atToken = new ResolvedMention?[text.Count];
        foreach (var mention in mentions)
        {
            for (var i = mention.FirstToken; i <= mention.LastToken; i++)
            {
                var current = atToken[i];
                if (current is null || mention.Info.End - mention.Info.Start > current.Info.End - current.Info.Start)
                {
                    atToken[i] = mention;
                }
            }

            var before = mention.FirstToken - 1;
            if (mention.Info.Kind == EntityKind.Person && before >= 0 && text.IsCapitalized(before))
            {
                var key = text.Keys[before];
                if (Male.Contains(key) || Female.Contains(key))
                {
                    isFemale.TryAdd(mention.Info.EntityKey, Female.Contains(key));
                }
            }
        }

        VoteGenders();
    }

    /// <summary>
    /// Where no honorific showed a person's gender, let pronouns vote: in a sentence naming only one
    /// person, "he/his/him" or "she/her" after the name most likely refer to that person.
    /// </summary>
    private void VoteGenders()
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            string? only = null;
            var firstAt = -1;
            var ambiguous = false;
            var balance = 0;
            for (var i = text.SentenceFirstToken[s]; i < text.SentenceEndToken[s]; i++)
            {
                if (insideQuote[i])
                {
                    continue;
                }

                if (atToken[i] is { Info.Kind: EntityKind.Person } person)
                {
                    ambiguous |= only is not null && only != person.Info.EntityKey;
                    only ??= person.Info.EntityKey;
                    firstAt = firstAt < 0 ? i : firstAt;
                }
                else if (firstAt >= 0 && text.IsWord(i))
                {
                    balance += text.Keys[i] switch
                    {
                        "he" or "his" or "him" or "himself" => -1,
                        "she" or "her" or "hers" or "herself" => 1,
                        _ => 0,
                    };
                }
            }

            if (only is not null && !ambiguous && balance != 0)
            {
                votes[only] = votes.GetValueOrDefault(only) + Math.Sign(balance);
            }
        }

        foreach (var (key, vote) in votes)
        {
            if (vote != 0)
            {
                isFemale.TryAdd(key, vote > 0);
            }
        }
    }

    public ResolvedMention? At(int token) => token >= 0 && token < atToken.Length ? atToken[token] : null;

    /// <summary>The entity a subject pronoun at <paramref name="token"/> refers to, or null.</summary>
    public string? ResolvePronoun(int token)
    {
        var (kind, female) = text.Keys[token] switch
        {
            "he" => (EntityKind.Person, (bool?)false),
            "she" => (EntityKind.Person, (bool?)true),
            "it" => (EntityKind.Organization, null),
            _ => ((EntityKind?)null, (bool?)null),
        };
        if (kind is null)
        {
            return null;
        }

        bool Fits(ResolvedMention m) =>
            m.Info.Kind == kind && !insideQuote[m.FirstToken] && m.Info.Start < text[token].Start
            && (female is null || !isFemale.TryGetValue(m.Info.EntityKey, out var f) || f == female);

        var sentence = text[token].Sentence;
        for (var s = sentence; s >= 0 && s >= sentence - SentencesBack; s--)
        {
            var subject = FirstInSentence(s, kind.Value);
            if (subject is not null && Fits(subject))
            {
                return subject.Info.EntityKey;
            }
        }

        for (var m = CountBefore(text[token].Start) - 1; m >= 0; m--)
        {
            if (Fits(mentions[m]))
            {
                return mentions[m].Info.EntityKey;
            }
        }

        return null;
    }

    /// <summary>How many mentions (sorted by start) begin before <paramref name="position"/>.</summary>
    private int CountBefore(int position)
    {
        int low = 0, high = mentions.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (mentions[mid].Info.Start < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private ResolvedMention? FirstInSentence(int sentence, EntityKind kind)
    {
        for (var i = text.SentenceFirstToken[sentence]; i < text.SentenceEndToken[sentence]; i++)
        {
            if (!insideQuote[i] && atToken[i] is { } mention)
            {
                if (mention.Info.Kind == kind)
                {
                    return mention;
                }

                i = mention.LastToken;
            }
        }

        return null;
    }
}
