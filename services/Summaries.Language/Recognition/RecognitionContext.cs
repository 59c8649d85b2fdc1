using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// Per-text facts the recognition rules share: which tokens are honorifics or active titles (never
/// part of a name), where gazetteer names start, which sentences are headline-cased, and which
/// capitalised words the text also uses mid-sentence (so they are names, not ordinary words).
/// </summary>
internal sealed class RecognitionContext
{
    public RecognitionContext(TokenizedText text, Lexicon lexicon, IReadOnlyList<TitleMatch> titles)
    {
        Text = text;
        Lexicon = lexicon;
        Titles = titles;
        var count = text.Count;
        Honorific = new bool[count];
        TitleAt = new int[count];
        ActiveTitle = new bool[count];
        ChunkEnd = new int[count];
        Chunk = new GazetteerEntry?[count];
        Array.Fill(TitleAt, -1);
        for (var i = 0; i < count; i++)
        {
            Honorific[i] = text.IsCapitalized(i) && lexicon.Honorifics.Contains(text.Keys[i]);
        }

        for (var t = 0; t < titles.Count; t++)
        {
            for (var i = titles[t].First; i <= titles[t].Last; i++)
            {
                TitleAt[i] = t;
            }
        }

        FindChunks();
        for (var t = 0; t < titles.Count; t++)
        {
            if (IsActive(titles[t]))
            {
                for (var i = titles[t].First; i <= titles[t].Last; i++)
                {
                    ActiveTitle[i] = true;
                }
            }
        }

        HeadlineCase = new bool[text.Sentences.Count];
        for (var s = 0; s < HeadlineCase.Length; s++)
        {
            HeadlineCase[s] = IsHeadlineCased(s);
        }

        CapitalizedMidSentence = CollectMidSentenceCapitals();
    }

    public TokenizedText Text { get; }

    public Lexicon Lexicon { get; }

    public IReadOnlyList<TitleMatch> Titles { get; }

    public bool[] Honorific { get; }

    /// <summary>Index into <see cref="Titles"/> of the title covering each token, or -1.</summary>
    public int[] TitleAt { get; }

    /// <summary>Tokens of a title used as a title (not inside a name like "Martin Luther King").</summary>
    public bool[] ActiveTitle { get; }

    /// <summary>The gazetteer entry starting at each token, if any.</summary>
    public GazetteerEntry?[] Chunk { get; }

    /// <summary>One past the last token of the gazetteer entry starting at each token.</summary>
    public int[] ChunkEnd { get; }

    public bool[] HeadlineCase { get; }

    public IReadOnlySet<string> CapitalizedMidSentence { get; }

    /// <summary>A capitalised word that can be part of a name.</summary>
    public bool IsNameToken(int i)
    {
        if (!Text.IsCapitalized(i) || Honorific[i] || ActiveTitle[i])
        {
            return false;
        }

        var key = Text.Keys[i];
        if (key == "i")
        {
            return false;
        }

        // "FULL TEXT", "ABSTRACT": shouted ordinary words are not acronyms.
        return !(LexiconKeys.IsAllCaps(Text.Surface[i]) && key.Length >= 3 && Lexicon.IsOrdinaryWord(key) && Chunk[i] is null);
    }

    /// <summary>The title match ending at token <paramref name="last"/>, if it is active.</summary>
    public TitleMatch? ActiveTitleEndingAt(int last) =>
        last >= 0 && TitleAt[last] >= 0 && ActiveTitle[last] && Titles[TitleAt[last]].Last == last ? Titles[TitleAt[last]] : null;

    private void FindChunks()
    {
        var text = Text;
        string? KeyAt(int j) => text.Tokens[j].Kind is TokenKind.Word or TokenKind.Clitic ? text.Keys[j] : null;
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            var end = text.SentenceEndToken[s];
            for (var i = text.SentenceFirstToken[s]; i < end; i++)
            {
                var lowercaseStart = text.IsLowercaseWord(i) && i + 1 < end && text.IsCapitalized(i + 1);
                if ((!text.IsCapitalized(i) && !lowercaseStart) || Honorific[i]
                    || !Lexicon.Gazetteer.TryMatch(KeyAt, i, end, out var length, out var entry)
                    || (lowercaseStart && (length < 2 || text.Surface[i].Length > 3))
                    || !CaseMatches(i, entry!, skipFirst: lowercaseStart))
                {
                    continue;
                }

                Chunk[i] = entry;
                ChunkEnd[i] = i + length;
                i += length - 1;
            }
        }
    }

    /// <summary>Acronyms must be all caps and capitalised words capitalised; a short particle may start lowercase ("al Qaeda").</summary>
    private bool CaseMatches(int first, GazetteerEntry entry, bool skipFirst)
    {
        for (var k = skipFirst ? 1 : 0; k < entry.Forms.Count; k++)
        {
            var form = entry.Forms[k];
            var surface = Text.Surface[first + k];
            if (LexiconKeys.IsAllCaps(form) ? !LexiconKeys.IsAllCaps(surface) : char.IsUpper(form[0]) && !char.IsUpper(surface[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A title is in use when a name follows it, or when it does not close a name: "Martin Luther King"
    /// and "John Major" end in title words that are surnames. A capitalised title that starts an
    /// organisation or place name ("General Motors", "General Assembly") is not a title either.
    /// </summary>
    private bool IsActive(TitleMatch title)
    {
        var text = Text;
        var next = title.Last + 1;
        var sentenceEnd = text.SentenceEndToken[text[title.First].Sentence];
        var nameFollows = next < sentenceEnd && text.IsCapitalized(next) && !Honorific[next] && TitleAt[next] < 0;
        if (text.IsCapitalized(title.First))
        {
            if (Chunk[title.First] is not null)
            {
                return false;
            }

            if (nameFollows)
            {
                var last = next;
                while (last + 1 < sentenceEnd && text.IsCapitalized(last + 1))
                {
                    last++;
                }

                var key = text.Keys[last];
                if (Lexicon.OrgCues.Contains(key) || Lexicon.LocationCues.Contains(key))
                {
                    return false;
                }
            }

            // "Mr. King said": after an honorific a title word is a surname unless it is a form of address
            // ("Mr Secretary,", "Mr. President?").
            if (title.First > 0 && Honorific[title.First - 1] && next < sentenceEnd && text.IsLowercaseWord(next))
            {
                return false;
            }

            var previous = title.First - 1;
            var afterName = previous >= text.SentenceFirstToken[text[title.First].Sentence]
                && text.IsCapitalized(previous) && !Honorific[previous] && TitleAt[previous] < 0 && !InChunk(previous)
                && !text.IsClauseStart(previous);
            if (afterName && !nameFollows)
            {
                return false;
            }
        }

        return true;
    }

    private bool InChunk(int i)
    {
        for (var j = i; j >= 0 && j > i - 6; j--)
        {
            if (Chunk[j] is not null)
            {
                return ChunkEnd[j] > i;
            }
        }

        return false;
    }

    /// <summary>
    /// Headlines capitalise every content word, so there capitalisation says little about names. A
    /// caption full of names still has lowercase verbs ("meets"), so any lowercase content word rules
    /// a headline out.
    /// </summary>
    private bool IsHeadlineCased(int sentence)
    {
        var capitalized = 0;
        for (var i = Text.SentenceFirstToken[sentence] + 1; i < Text.SentenceEndToken[sentence]; i++)
        {
            if (!Text.IsWord(i) || Text.Surface[i].Length < 3)
            {
                continue;
            }

            if (char.IsUpper(Text.Surface[i][0]))
            {
                capitalized += Text.Surface[i].Length >= 4 ? 1 : 0;
            }
            else if (!Lexicon.FunctionWords.Contains(Text.Keys[i]))
            {
                return false;
            }
        }

        return capitalized >= 3;
    }

    private HashSet<string> CollectMidSentenceCapitals()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var text = Text;
        for (var i = 0; i < text.Count; i++)
        {
            if (text.IsCapitalized(i) && !HeadlineCase[text[i].Sentence] && !text.IsClauseStart(i)
                && !text.IsCapitalized(i + 1) && (!text.IsCapitalized(i - 1) || Honorific[i - 1] || ActiveTitle[i - 1]))
            {
                set.Add(text.Keys[i]);
            }
        }

        return set;
    }
}
