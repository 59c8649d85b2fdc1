namespace Summaries.Summary.Support;

/// <summary>
/// Decides whether source sentences support a claim sentence, and when not, which part fails and
/// how. The claim's content words must be found in the sources (by lemma, number value, a
/// reporting verb for another, an entity's other name forms, or a name a source pronoun stands
/// for); what is missing is classed by what it is (number, time, stance word, the opposite of a
/// source word, a name); and the claim must keep the sources' negation and, for one-way
/// predicates, the order of who did what to whom. Lists and thresholds: <see cref="SupportLexicon"/>
/// and <see cref="SupportModel"/>.
/// </summary>
public sealed partial class SupportChecker(SupportLexicon lexicon, SupportModel model)
{
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "from", "to", "outside", "inside" };

    public SupportLexicon Lexicon => lexicon;

    public SupportModel Model => model;

    public static SupportChecker LoadDefault() => new(SupportLexicon.LoadDefault(), SupportModel.LoadDefault());

    public SupportSource Prepare(string sentence) => new(sentence, SupportText.Tokens(sentence, lexicon), lexicon);

    public SupportDocument PrepareDocument(IEnumerable<string> sentences) => new(sentences.Select(Prepare).ToList());

    /// <summary>Cited mode: do these source sentences, together, support the claim?</summary>
    /// <param name="linked">
    /// Keys of the entities the annotations link to these sources although they do not name them
    /// there (a pronoun resolved, a quote's speaker named in another sentence).
    /// </param>
    /// <param name="core">
    /// Check only the claim's core: its names, numbers, times, places, predicate and polarity, with
    /// up to <see cref="SupportModel.CoreShare"/> of its other words free. For one of several
    /// citations, which need not each carry every detail of the sentence.
    /// </param>
    public SupportVerdict Check(string claim, IReadOnlyList<SupportSource> sources, NameForms names, IReadOnlySet<string>? linked = null, bool core = false)
    {
        var nameKeys = sources.SelectMany(s => s.Tokens).Where(t => t.Capitalised).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var claimTokens = SupportText.Tokens(claim, lexicon);
        return Decide(claimTokens, sources, Enumerable.Range(0, sources.Count).ToList(), names, nameKeys, linked ?? new HashSet<string>(), core);
    }

    /// <summary>Cite-free mode: finds the article sentences that best support the claim, then decides.</summary>
    public SupportVerdict Find(string claim, SupportDocument document, NameForms names)
    {
        var claimTokens = SupportText.Tokens(claim, lexicon);
        var wanted = Content(claimTokens).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var chosen = Choose(wanted, document);
        var sources = chosen.Select(i => document.Sentences[i]).ToList();
        // Names of the sentences before a chosen one that has a pronoun: what the pronoun may stand for.
        var coref = new HashSet<string>(StringComparer.Ordinal);
        if (model.Enabled("coref"))
        {
            foreach (var i in chosen.Where(i => document.Sentences[i].HasPronoun))
            {
                for (var j = Math.Max(0, i - model.CorefWindow); j < i; j++)
                {
                    coref.UnionWith(document.Sentences[j].Tokens.Where(t => document.NameKeys.Contains(t.Key)).Select(t => t.Key));
                }
            }
        }

        return Decide(claimTokens, sources, chosen, names, document.NameKeys, coref, core: false);
    }

    /// <summary>The best sentence for the claim, then sentences that add enough of its missing words.</summary>
    private List<int> Choose(HashSet<string> wanted, SupportDocument document)
    {
        var chosen = new List<int>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var n = Math.Max(1, document.Sentences.Count);
        while (chosen.Count < model.MaxSources)
        {
            var best = -1;
            var bestScore = 0.0;
            var bestGain = 0;
            for (var i = 0; i < document.Sentences.Count; i++)
            {
                if (chosen.Contains(i))
                {
                    continue;
                }

                var score = 0.0;
                var gain = 0;
                foreach (var key in wanted)
                {
                    if (!covered.Contains(key) && document.Sentences[i].Keys.Contains(key))
                    {
                        gain++;
                        score += Math.Log(1.0 + n / (double)document.SentenceFrequency.GetValueOrDefault(key, 1));
                    }
                }

                if (score > bestScore)
                {
                    (best, bestScore, bestGain) = (i, score, gain);
                }
            }

            if (best < 0 || (chosen.Count > 0 && bestGain < model.FusionMinGain))
            {
                break;
            }

            chosen.Add(best);
            covered.UnionWith(document.Sentences[best].Keys.Where(wanted.Contains));
        }

        chosen.Sort();
        return chosen;
    }

    private SupportVerdict Decide(
        List<SupportToken> claim,
        IReadOnlyList<SupportSource> sources,
        IReadOnlyList<int> indexes,
        NameForms names,
        IReadOnlySet<string> nameKeys,
        IReadOnlySet<string> linked,
        bool core)
    {
        var content = Content(claim).ToList();
        if (content.Count == 0)
        {
            return SupportVerdict.Fail(SupportFailureKind.NotInSource, string.Empty, "says nothing a source could support", indexes);
        }

        if (sources.Count == 0)
        {
            return SupportVerdict.Fail(SupportFailureKind.NotInSource, content[0].Surface, "no source sentence to support it", indexes);
        }

        var available = new HashSet<string>(linked, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            available.UnionWith(source.Keys);
        }

        available.UnionWith(names.Expand(available).ToList());

        var reporting = sources.Any(s => s.HasReporting) || linked.Overlaps(lexicon.Reporting);
        var freeWords = core ? Math.Max(model.MaxNovelWords, Math.Floor(content.Count * model.CoreShare)) : model.MaxNovelWords;
        return Missing(claim, content, available, reporting, names, nameKeys, freeWords, indexes)
            ?? Polarity(claim, available, sources, indexes)
            ?? Roles(claim, content, sources, names, nameKeys, indexes)
            ?? (core ? null : Order(content.Where(t => !IsName(t, names, nameKeys) && !lexicon.Reporting.Contains(t.Key)).ToList(), sources, indexes))
            ?? new SupportVerdict(true, null, indexes);
    }

    private IEnumerable<SupportToken> Content(List<SupportToken> tokens) => tokens.Where(lexicon.IsContent);

    /// <summary>The claim's words that no source gives, classed; null when few enough are missing.</summary>
    private SupportVerdict? Missing(
        List<SupportToken> claim,
        List<SupportToken> content,
        HashSet<string> available,
        bool reporting,
        NameForms names,
        IReadOnlySet<string> nameKeys,
        double freeWords,
        IReadOnlyList<int> indexes)
    {
        if (model.Enabled("antonyms"))
        {
            foreach (var t in claim)
            {
                if (!available.Contains(t.Key) && lexicon.AntonymsOf(t.Key).FirstOrDefault(available.Contains) is { } opposite)
                {
                    return SupportVerdict.Fail(SupportFailureKind.Predicate, t.Surface, $"'{t.Surface}' says the opposite of the source ('{opposite}')", indexes);
                }
            }
        }

        var novel = new List<SupportToken>();
        foreach (var t in content)
        {
            if (available.Contains(t.Key) || (reporting && lexicon.Reporting.Contains(t.Key)))
            {
                continue;
            }

            if (t.IsNumber && model.Enabled("numbers"))
            {
                return SupportVerdict.Fail(SupportFailureKind.Circumstance, t.Surface, $"the number {t.Surface} is not in the source", indexes);
            }

            if (lexicon.Time.Contains(t.Lower) && model.Enabled("time"))
            {
                return SupportVerdict.Fail(SupportFailureKind.Circumstance, t.Surface, $"the time '{t.Surface}' is not in the source", indexes);
            }

            if (lexicon.Stance.Contains(t.Key) && model.Enabled("stance"))
            {
                return SupportVerdict.Fail(SupportFailureKind.Stance, t.Surface, $"'{t.Surface}' gives a stance the source does not", indexes);
            }

            if (IsName(t, names, nameKeys) && model.Enabled("names"))
            {
                var at = claim.IndexOf(t);
                var place = at > 0 && PlacePrepositions.Contains(claim[at - 1].Lower);
                return place
                    ? SupportVerdict.Fail(SupportFailureKind.Circumstance, t.Surface, $"the place '{t.Surface}' is not in the source", indexes)
                    : SupportVerdict.Fail(SupportFailureKind.Participants, t.Surface, $"'{t.Surface}' is not named in the source", indexes);
            }

            novel.Add(t);
        }

        if (novel.Count <= freeWords || !model.Enabled("novel"))
        {
            return null;
        }

        var words = string.Join(", ", novel.Select(t => t.Surface).Take(4));
        return IsPredicate(claim, novel, names, nameKeys)
            ? SupportVerdict.Fail(SupportFailureKind.Predicate, string.Join(' ', novel.Select(t => t.Surface)), $"the source does not say this was done: {words}", indexes)
            : SupportVerdict.Fail(SupportFailureKind.NotInSource, string.Join(' ', novel.Select(t => t.Surface)), $"words in no source: {words}", indexes);
    }

    /// <summary>
    /// One or two new words where a predicate stands (after a name, an auxiliary or "to": "Biden
    /// refused", "would abandon") are what was done changed, not content added.
    /// </summary>
    private static bool IsPredicate(List<SupportToken> claim, List<SupportToken> novel, NameForms names, IReadOnlySet<string> nameKeys)
    {
        if (novel.Count > 2)
        {
            return false;
        }

        var at = claim.IndexOf(novel[0]);
        return at > 0 && (IsName(claim[at - 1], names, nameKeys) || Auxiliaries.Contains(claim[at - 1].Lower));
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "has", "have", "had",
    };

    private static bool IsName(SupportToken t, NameForms names, IReadOnlySet<string> nameKeys) =>
        t.Capitalised || nameKeys.Contains(t.Key) || names.EntityOf(t.Key) >= 0;
}
