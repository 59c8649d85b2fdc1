using System.Collections.Frozen;
using Summaries.Language.Lexicons;
using Summaries.Language.Resolution;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Attribution;

/// <summary>
/// Finds the speaker of a cue: the subject right before it ("Mr Xi said", past auxiliaries and
/// adverbs, or past an appositive between commas), or right after it ("said Mr Xi", "according to a
/// US official"). A speaker is a name, a resolved role phrase, a pronoun (resolved by
/// <see cref="MentionIndex.ResolvePronoun"/>) or a plain noun phrase ("a US official"), which has no entity key.
/// </summary>
internal sealed partial class SpeakerFinder(Lexicon lexicon, TokenizedText text, MentionIndex mentions, bool[] insideQuote)
{
    private static readonly FrozenSet<string> Skippable = FrozenSet.Create(
        StringComparer.Ordinal,
        "has", "have", "had", "is", "was", "were", "will", "would", "also", "then", "later", "again", "often", "once",
        "previously", "been", "not", "n't", "did", "does", "do", "could", "should", "may", "might", "must", "can",
        "already", "still", "even", "just", "since", "first", "last", "now", "too", "further", "himself", "herself", "itself", "themselves");

    private static readonly FrozenSet<string> QuantifierSubjects = FrozenSet.Create(
        StringComparer.Ordinal, "some", "many", "most", "others", "several", "few", "all", "both");

    private static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.Ordinal, "he", "she", "it", "they", "we", "i", "you");

    private static readonly FrozenSet<string> Determiners = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "some", "many", "several", "one", "two", "three", "other", "another", "both", "most", "few",
        "these", "those", "his", "her", "their", "its", "our");

    /// <summary>The subject ending just before <paramref name="cueFirst"/>, skipping auxiliaries, adverbs and one appositive.</summary>
    public Speaker? Before(int cueFirst, bool allowAppositive = true)
    {
        var sentenceStart = text.SentenceFirstToken[text[cueFirst].Sentence];
        var j = cueFirst - 1;
        for (var skipped = 0; j >= sentenceStart && skipped < 4 && IsSkippable(j); skipped++)
        {
            j--;
        }

        if (j < sentenceStart || insideQuote[j])
        {
            return null;
        }

        if (allowAppositive && (text.IsPunctuation(j, ',') || text.IsPunctuation(j, ')')))
        {
            return Appositive(j, sentenceStart);
        }

        // "footage of Trump saying": a name right before a participle cue is the participle's own subject.
        var participleSubject = j == cueFirst - 1 && text.Keys[cueFirst].EndsWith("ing", StringComparison.Ordinal);
        var subject = NounPhraseEndingAt(j, sentenceStart, participleSubject);
        return allowAppositive && subject is not null && NamedAntecedent(subject, sentenceStart) is { } named ? named : subject;
    }

    /// <summary>The speaker starting right after the cue: "said Mr Xi", "according to a US official".</summary>
    public Speaker? After(int cueLast)
    {
        var sentenceEnd = text.SentenceEndToken[text[cueLast].Sentence];
        var j = cueLast + 1;
        if (j >= sentenceEnd || insideQuote[j])
        {
            return null;
        }

        if (text.IsWord(j) && Pronouns.Contains(text.Keys[j]) && (text.IsLowercaseWord(j) || text.Surface[j] == "I"))
        {
            return Pronoun(j);
        }

        var last = j - 1;
        var sawNoun = false;
        for (var k = j; k < sentenceEnd && k - j < 8; k++)
        {
            // "a speech Mrs. Clinton delivered": a name after the noun starts a new phrase.
            if (sawNoun && (text.IsCapitalized(k) || mentions.At(k) is not null
                || text.Keys[k].EndsWith("ed", StringComparison.Ordinal) || text.Keys[k].EndsWith("ing", StringComparison.Ordinal)))
            {
                break;
            }

            if (mentions.At(k) is { } mention)
            {
                last = mention.LastToken;
                k = last;
                continue;
            }

            var key = text.Keys[k];
            var nounLike = text.IsWord(k) && !insideQuote[k] && lexicon.SpeechCues.Lookup(key) is null
                && (!lexicon.FunctionWords.Contains(key) || (k == j && Determiners.Contains(key)) || (k > j && text.IsCapitalized(k)));
            // "said 9/11 widow Terry Strada": a number inside the phrase, before more words.
            nounLike |= !insideQuote[k] && IsNumberPart(k) && NumberLeadsToWord(k);
            if (!nounLike && !(text[k].Kind == TokenKind.Clitic && k > j))
            {
                break;
            }

            sawNoun |= text.IsLowercaseWord(k) && !Determiners.Contains(key);
            last = k;
        }

        return last < j ? null : Phrase(j, last);
    }

    /// <summary>"Zero Hedge asked": two or more capitalised words the recogniser did not take as a name still name the speaker.</summary>
    private Speaker? UnrecognisedName(int j, int sentenceStart)
    {
        var start = j;
        while (start - 1 >= sentenceStart && j - start < 3 && text.IsCapitalized(start - 1) && !insideQuote[start - 1]
            && mentions.At(start - 1) is null && !lexicon.FunctionWords.Contains(text.Keys[start - 1]))
        {
            start--;
        }

        // "Nordhaus said:", "“…,” Sharp said": one capitalised word is a name when it is no ordinary word,
        // or when it stands in the “…,” X said frame, where only a speaker can.
        // A day, a month, "TV" or an abbreviation ("Jr.") names no one, and a word after a preposition is its object ("on Thursday showed").
        var key = text.Keys[j];
        var single = !text.Surface[j].Contains('.', StringComparison.Ordinal) && !lexicon.NonEntities.Contains(text.Surface[j]) && !(text.IsLowercaseWord(j - 1) && lexicon.FunctionWords.Contains(text.Keys[j - 1]))
            && (!lexicon.CommonWords.Contains(key) || AfterClosingQuote(j));
        return start < j || single ? Phrase(start, j) : null;
    }

    private bool AfterClosingQuote(int j)
    {
        var k = text.IsPunctuation(j - 1, ',') ? j - 2 : j - 1;
        return k >= 0 && text[k].Kind == TokenKind.Quote && insideQuote[Math.Max(k - 1, 0)];
    }

    private bool IsNumberPart(int k) =>
        text[k].Kind == TokenKind.Number || (text.IsPunctuation(k, '/') && text[k - 1].Kind == TokenKind.Number);

    private bool NumberLeadsToWord(int k)
    {
        while (k < text.Count && IsNumberPart(k))
        {
            k++;
        }

        return text.IsWord(k);
    }

    private Speaker? NounPhraseEndingAt(int j, int sentenceStart, bool participleSubject = false)
    {
        if (text.IsWord(j) && Pronouns.Contains(text.Keys[j]) && (text.IsLowercaseWord(j) || text.IsClauseStart(j) || text.Surface[j] == "I"))
        {
            return Pronoun(j);
        }

        if (mentions.At(j) is { } head)
        {
            var first = head.FirstToken;
            if (first > sentenceStart && text.IsWord(first - 1) && lexicon.Honorifics.Contains(text.Keys[first - 1]))
            {
                first--;
            }

            // "a sergeant stationed in Samarra said", "Smith of Texas said", "the chairman of the Trust": a name
            // closing a prepositional phrase is its object; the speaker is the phrase it modifies, and the key is that phrase's own.
            var phraseStart = first - 1 > sentenceStart && text.IsLowercaseWord(first - 1) && text.Keys[first - 1] == "the" ? first - 1 : first;
            return !participleSubject && WithPostmodifiedHead(phraseStart, sentenceStart) is { } modifier
                ? new Speaker(modifier.FirstToken, j, modifier.Start, text[j].End, text.Slice(modifier.FirstToken, j), modifier.Key)
                : new Speaker(first, j, text[first].Start, text[j].End, text.Slice(first, j), head.Info.EntityKey);
        }

        // "Mr. Kamin, who emphasized": the relative pronoun stands for the name before the comma.
        // A named antecedent is kept as the key, and the pronoun as the words, as for "he said".
        if (text.Keys[j] is "who" && (text.IsPunctuation(j - 1, ',') || text[j - 1].Kind == TokenKind.Dash) && j - 2 >= sentenceStart)
        {
            var antecedent = NounPhraseEndingAt(j - 2, sentenceStart);
            return antecedent?.Key is { } key ? new Speaker(j, j, text[j].Start, text[j].End, text.Surface[j], key) : antecedent;
        }

        // "Some chanted …", "…; most said …": a quantifier opening its clause stands for the people counted.
        if (QuantifierSubjects.Contains(text.Keys[j]) && (j == sentenceStart || text.IsClauseStart(j) || text.IsPunctuation(j - 1, ';')))
        {
            return Phrase(j, j);
        }

        // "Police say …", "Demonstrators said …": a plain noun capitalised only because it opens the sentence.
        var headKey = text.Keys[j];
        var lowercase = text.IsLowercaseWord(j) || (j == sentenceStart && text.IsCapitalized(j) && lexicon.CommonWords.Contains(headKey));
        if (!lowercase && text.IsCapitalized(j) && !lexicon.FunctionWords.Contains(headKey) && lexicon.SpeechCues.Lookup(headKey) is null)
        {
            return UnrecognisedName(j, sentenceStart);
        }

        // A participle is a verb, unless a possessive or determiner makes it the head noun ("Cruz’s thinking", "those surveyed").
        var participle = headKey.EndsWith("ed", StringComparison.Ordinal) || headKey.EndsWith("ing", StringComparison.Ordinal);
        var nominal = j - 1 >= sentenceStart && (text.Keys[j - 1] == "'s" || (text.IsWord(j - 1) && Determiners.Contains(text.Keys[j - 1])));
        if (!lowercase || lexicon.FunctionWords.Contains(headKey) || lexicon.SpeechCues.Lookup(headKey) is not null || (participle && !nominal))
        {
            return null;
        }

        if (TimeNouns.Contains(headKey))
        {
            return BeforeTimeAdverbial(j, sentenceStart);
        }

        // A plain noun phrase: "a US official", "top black lawmakers", "Federal and state officials".
        var start = j;
        for (var k = j - 1; k >= sentenceStart && j - k < 6 && !insideQuote[k]; k--)
        {
            var key = text.Keys[k];
            if (text.IsWord(k) && Determiners.Contains(key))
            {
                start = k;
                break;
            }

            var part = mentions.At(k) is not null || text[k].Kind == TokenKind.Clitic
                || (text.IsWord(k) && !lexicon.FunctionWords.Contains(key) && lexicon.SpeechCues.Lookup(key) is null);
            if (!part)
            {
                break;
            }

            start = mentions.At(k)?.FirstToken ?? k;
            k = start;
        }

        return WithPostmodifiedHead(start, sentenceStart) is { } modified
            ? new Speaker(modified.FirstToken, j, modified.Start, text[j].End, text.Slice(modified.FirstToken, j), modified.Key)
            : Phrase(start, j);
    }

    private Speaker Phrase(int first, int last)
    {
        var key = mentions.At(last) is { } mention && mention.LastToken == last ? mention.Info.EntityKey : null;
        return new Speaker(first, last, text[first].Start, text[last].End, text.Slice(first, last), key);
    }

    private Speaker Pronoun(int j) =>
        new(j, j, text[j].Start, text[j].End, text.Surface[j], mentions.ResolvePronoun(j));

    private bool IsSkippable(int j) =>
        text[j].Kind == TokenKind.Clitic
            ? text.Keys[j] is "n't" or "'s" or "'ve" or "'d" && j > 0 && (text.Keys[j] == "n't" || Pronouns.Contains(text.Keys[j - 1]) || text.Keys[j - 1] == "who")
            : text.IsLowercaseWord(j) && (Skippable.Contains(text.Keys[j]) || (text.Keys[j].EndsWith("ly", StringComparison.Ordinal) && text.Keys[j].Length > 4));
}
