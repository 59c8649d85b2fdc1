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
public sealed class SupportChecker(SupportLexicon lexicon, SupportModel model)
{
    /// <summary>Content words at most between two participants and their predicate, for the role check.</summary>
    private const int RoleWindow = 8;

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
        return Decide(claimTokens, sources, Enumerable.Range(0, sources.Count).ToList(), names, nameKeys, linked ?? new HashSet<string>(), alwaysLinked: true, core);
    }

    /// <summary>Cite-free mode: finds the article sentences that best support the claim, then decides.</summary>
    public SupportVerdict Find(string claim, SupportDocument document, NameForms names)
    {
        var claimTokens = SupportText.Tokens(claim, lexicon);
        var wanted = Content(claimTokens).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var chosen = Choose(wanted, document);
        var sources = chosen.Select(i => document.Sentences[i]).ToList();
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

        return Decide(claimTokens, sources, chosen, names, document.NameKeys, coref, alwaysLinked: false, core: false);
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
        IReadOnlySet<string> coref,
        bool alwaysLinked,
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

        var available = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            available.UnionWith(source.Keys);
        }

        if (alwaysLinked || sources.Any(s => s.HasPronoun))
        {
            available.UnionWith(coref);
        }

        available.UnionWith(names.Expand(available).ToList());

        var reporting = sources.Any(s => s.HasReporting) || (alwaysLinked && coref.Overlaps(lexicon.Reporting));
        var freeWords = core ? Math.Max(model.MaxNovelWords, Math.Floor(content.Count * model.CoreShare)) : model.MaxNovelWords;
        return Missing(claim, content, available, reporting, names, nameKeys, freeWords, indexes)
            ?? Polarity(claim, available, sources, indexes)
            ?? Roles(claim, content, sources, names, nameKeys, indexes)
            ?? (core ? null : Order(content.Where(t => !IsName(t, names, nameKeys) && !lexicon.Reporting.Contains(t.Key)).ToList(), sources, indexes))
            ?? new SupportVerdict(true, null, indexes);
    }

    private IEnumerable<SupportToken> Content(List<SupportToken> tokens) =>
        tokens.Where(t => !lexicon.Function.Contains(t.Lower) && !lexicon.Negators.Contains(t.Lower));

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
                    return SupportVerdict.Fail(SupportFailureKind.Predicate, t.Surface, $"'{t.Surface}' says the opposite of the source ('{Shown(opposite)}')", indexes);
                }
            }
        }

        var novel = new List<SupportToken>();
        for (var i = 0; i < content.Count; i++)
        {
            var t = content[i];
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

        return novel.Count > freeWords && model.Enabled("novel")
            ? SupportVerdict.Fail(
                IsPredicate(claim, novel, names, nameKeys) ? SupportFailureKind.Predicate : SupportFailureKind.NotInSource,
                string.Join(' ', novel.Select(t => t.Surface)),
                $"words in no source: {string.Join(", ", novel.Select(t => t.Surface).Take(4))}",
                indexes)
            : null;
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

    /// <summary>
    /// A claim negates exactly what the source negates. A negator's scope is the next two content
    /// words after it: the claim may not negate a scope the source states plainly, nor state
    /// plainly a scope the source negates.
    /// </summary>
    private SupportVerdict? Polarity(List<SupportToken> claim, HashSet<string> available, IReadOnlyList<SupportSource> sources, IReadOnlyList<int> indexes)
    {
        if (!model.Enabled("polarity"))
        {
            return null;
        }

        var claimScopes = Scopes(claim);
        var sourceScopes = sources.SelectMany(s => Scopes(s.Tokens)).ToList();
        foreach (var (negator, scope) in claimScopes)
        {
            if (scope.All(available.Contains) && !sourceScopes.Any(s => s.Scope.Overlaps(scope)))
            {
                return SupportVerdict.Fail(SupportFailureKind.Polarity, negator.Surface, $"negates ('{negator.Surface}') what the source affirms", indexes);
            }
        }

        var claimKeys = claim.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (negator, scope) in sourceScopes)
        {
            if (scope.All(claimKeys.Contains) && !claimScopes.Any(c => c.Scope.Overlaps(scope)))
            {
                return SupportVerdict.Fail(SupportFailureKind.Polarity, negator.Surface, $"affirms what the source negates ('{negator.Surface}')", indexes);
            }
        }

        return null;
    }

    /// <summary>Each negator with the content keys it negates (at most two, within six words).</summary>
    private List<(SupportToken Negator, HashSet<string> Scope)> Scopes(IReadOnlyList<SupportToken> tokens)
    {
        var result = new List<(SupportToken, HashSet<string>)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!lexicon.Negators.Contains(tokens[i].Lower))
            {
                continue;
            }

            var scope = new HashSet<string>(StringComparer.Ordinal);
            for (var j = i + 1; j < tokens.Count && j <= i + 6 && scope.Count < 2; j++)
            {
                if (!lexicon.Function.Contains(tokens[j].Lower) && !lexicon.Negators.Contains(tokens[j].Lower))
                {
                    scope.Add(tokens[j].Key);
                }
            }

            if (scope.Count > 0)
            {
                result.Add((tokens[i], scope));
            }
        }

        return result;
    }

    /// <summary>
    /// Who did it to whom: two participants on either side of a one-way predicate must stand on the
    /// same sides in the source, unless one of the two sentences is passive ("by") and the other not.
    /// </summary>
    private SupportVerdict? Roles(List<SupportToken> claim, List<SupportToken> content, IReadOnlyList<SupportSource> sources, NameForms names, IReadOnlySet<string> nameKeys, IReadOnlyList<int> indexes)
    {
        if (!model.Enabled("roles"))
        {
            return null;
        }

        var participants = Participants(claim, content, names);
        for (var a = 0; a < participants.Count; a++)
        {
            for (var b = a + 1; b < participants.Count; b++)
            {
                var (p, pAt) = participants[a];
                var (q, qAt) = participants[b];
                if (p.Overlaps(q))
                {
                    continue;
                }

                var predicates = content.Where(t => t.Start > claim[pAt].Start && t.Start < claim[qAt].Start
                        && !IsName(t, names, nameKeys) && !t.IsNumber && !lexicon.Symmetric.Contains(t.Key) && !lexicon.Reporting.Contains(t.Key))
                    .Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                if (predicates.Count == 0)
                {
                    continue;
                }

                if (ContentBetween(claim, pAt, qAt) > RoleWindow)
                {
                    continue;
                }

                var claimPassive = Passive(claim, pAt, qAt);
                foreach (var source in sources)
                {
                    var reversed = Around(source.Tokens, q, p, predicates);
                    if (reversed >= 0 && Around(source.Tokens, p, q, predicates) < 0 && Passive(source.Tokens, reversed, reversed + RoleWindow) == claimPassive)
                    {
                        return SupportVerdict.Fail(
                            SupportFailureKind.Participants,
                            $"{claim[pAt].Surface} … {claim[qAt].Surface}",
                            $"swaps who did what: the source has {claim[qAt].Surface} before {claim[pAt].Surface}",
                            indexes);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="first"/> stands within a few words before <paramref name="second"/> with one of the predicates between them, or -1.</summary>
    private int Around(IReadOnlyList<SupportToken> tokens, HashSet<string> first, HashSet<string> second, HashSet<string> predicates)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!first.Contains(tokens[i].Key))
            {
                continue;
            }

            var predicate = false;
            var words = 0;
            for (var j = i + 1; j < tokens.Count && words <= RoleWindow; j++)
            {
                words += lexicon.Function.Contains(tokens[j].Lower) ? 0 : 1;
                if (second.Contains(tokens[j].Key) && predicate)
                {
                    return i;
                }

                predicate |= predicates.Contains(tokens[j].Key);
            }
        }

        return -1;
    }

    /// <summary>The named participants of a claim in order: each entity's key set and its first token's index in the claim.</summary>
    private static List<(HashSet<string> Keys, int At)> Participants(List<SupportToken> claim, List<SupportToken> content, NameForms names)
    {
        var result = new List<(HashSet<string> Keys, int At)>();
        // In cased text a participant is written as a name; lower-cased text (as some summarisers
        // write) has only the annotations to tell.
        var cased = claim.Any(t => t.Capitalised);
        foreach (var t in content)
        {
            if (t.Quoted || (cased && !char.IsUpper(t.Surface[0])))
            {
                continue;
            }

            // Only entities the annotations found: a capitalised word may be a title's or a heading's.
            if (names.EntityOf(t.Key) < 0)
            {
                continue;
            }

            var keys = names.NamesOf(t.Key);
            if (result.Count > 0 && result[^1].Keys.Overlaps(keys))
            {
                continue;
            }

            result.Add((keys, claim.IndexOf(t)));
        }

        return result;
    }

    private int ContentBetween(IReadOnlyList<SupportToken> tokens, int from, int to) =>
        tokens.Skip(from + 1).Take(Math.Max(0, to - from - 1)).Count(t => !lexicon.Function.Contains(t.Lower));

    /// <summary>A passive between two participants: a form of "be", then "by" ("was convicted by").</summary>
    private static bool Passive(IReadOnlyList<SupportToken> tokens, int from, int to)
    {
        var be = false;
        for (var i = Math.Max(from, 0) + 1; i < Math.Min(to, tokens.Count); i++)
        {
            be |= tokens[i].Lower is "was" or "were" or "been" or "being" or "is" or "are" or "be" or "got";
            if (be && tokens[i].Lower == "by")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The claim's words must appear in the sources largely in the claim's order. Names and
    /// reporting verbs are left out: "X said: “…”" and "“…,” said X" say the same.
    /// </summary>
    private SupportVerdict? Order(List<SupportToken> content, IReadOnlyList<SupportSource> sources, IReadOnlyList<int> indexes)
    {
        if (!model.Enabled("order") || content.Count < 4)
        {
            return null;
        }

        var claimKeys = content.Select(t => t.Key).ToList();
        var best = LongestCommon(claimKeys, sources.SelectMany(s => s.ContentKeys).ToList());
        var coverage = best / (double)claimKeys.Count;
        return coverage < model.MinOrderedCoverage
            ? SupportVerdict.Fail(SupportFailureKind.NotInSource, string.Empty, $"its words are in the source but not said together ({coverage:0.00} in order)", indexes)
            : null;
    }

    private static int LongestCommon(List<string> a, List<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    private static string Shown(string key) => key;

    private static int IndexOf(IReadOnlyList<SupportToken> tokens, HashSet<string> keys)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (keys.Contains(tokens[i].Key))
            {
                return i;
            }
        }

        return -1;
    }
}
