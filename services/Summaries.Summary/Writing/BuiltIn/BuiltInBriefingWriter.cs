using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// The embedded, deterministic writer: it needs no model. It picks the lead facts for "what
/// happened", gives every quoted party a section in its own attributed words, and fills the rest
/// with context; every sentence is a neutralised source sentence (or an explicit attribution of a
/// quote), so every sentence is citable by construction.
/// </summary>
public sealed class BuiltInBriefingWriter(Neutralizer neutralizer) : IBriefingWriter
{
    public const string RulesVersion = "builtin-1";

    private readonly SentenceRenderer _renderer = new(neutralizer);
    private readonly FactRanker _ranker = new();

    public EngineInfo Engine { get; } = new(EngineKind.Builtin, "builtin", RulesVersion);

    public Task<BriefingDraft> WriteAsync(FactSheet facts, WritingRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write(facts, request));
    }

    public BriefingDraft Write(FactSheet sheet, WritingRequest request)
    {
        var agreement = new SourceAgreement(sheet);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var quoteFactIds = sheet.Quotes.Select(q => q.FactId).ToHashSet(StringComparer.Ordinal);
        var ranked = sheet.Facts
            .Where(f => f.Kind == FactKind.Narrative)
            .Select(f => (Fact: f, Score: _ranker.Score(f, sheet)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Fact.Position)
            .Select(x => x.Fact)
            .ToList();

        var parties = PartiesBySalience(sheet);
        // Parties quoted in their own words must be heard; parties only paraphrased in the sources
        // are heard as the length allows.
        var directlyQuoted = sheet.Quotes.Where(q => q.Direct).Select(q => q.SpeakerKey).ToHashSet(StringComparer.Ordinal);
        var whatHappenedBudget = Math.Max(1, (int)Math.Round(request.TargetSentences * 0.5));
        var positionBudget = Math.Max(parties.Count(p => directlyQuoted.Contains(p.Key)), request.TargetSentences - whatHappenedBudget);

        var sections = new List<DraftSection>();
        var happened = PickNarrative(ranked, sheet, agreement, used, quoteFactIds, whatHappenedBudget, allowPronounStart: false);
        if (happened.Count > 0)
        {
            sections.Add(new DraftSection(SectionKind.WhatHappened, "What happened", null, happened));
        }

        sections.AddRange(WritePositions(sheet, parties, directlyQuoted, positionBudget, used));

        var written = sections.Sum(s => s.Sentences.Count);
        var contextBudget = Math.Max(0, request.TargetSentences - written);
        var context = PickNarrative(ranked, sheet, agreement, used, quoteFactIds, contextBudget, allowPronounStart: false);
        context.AddRange(CoverUncitedSources(ranked, sheet, agreement, used, quoteFactIds));
        if (context.Count > 0)
        {
            sections.Add(new DraftSection(SectionKind.Context, "Context", null, context));
        }

        var (headline, headlineFacts) = Headline(sheet, ranked);
        return new BriefingDraft(headline, headlineFacts, sections);
    }

    private List<DraftSentence> PickNarrative(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, HashSet<string> used,
        HashSet<string> quoteFactIds, int budget, bool allowPronounStart)
    {
        var picked = new List<(Fact Fact, DraftSentence Sentence)>();
        foreach (var fact in ranked)
        {
            if (picked.Count >= budget)
            {
                break;
            }

            // Sentences quoting a known party belong to its position; other quotation marks
            // (titles, scare quotes, unattributed phrases) may stay in the narrative.
            if (used.Contains(fact.Id) || quoteFactIds.Contains(fact.Id)
                || (!allowPronounStart && FactRanker.OpensWithPronoun(fact.Text)))
            {
                continue;
            }

            var text = _renderer.Render(fact, sheet, attributed: null);
            if (text is null)
            {
                continue;
            }

            var support = agreement.Supporting(fact);
            foreach (var id in support)
            {
                used.Add(id);
            }

            picked.Add((fact, new DraftSentence(text, support, null)));
        }

        // Read in source order, not score order.
        return picked.OrderBy(p => p.Fact.ArticleName == ranked[0].ArticleName ? 0 : 1)
            .ThenBy(p => p.Fact.ArticleName, StringComparer.Ordinal)
            .ThenBy(p => p.Fact.Position)
            .Select(p => p.Sentence)
            .ToList();
    }

    /// <summary>Every source is heard: an article nothing was taken from contributes its best fact.</summary>
    private List<DraftSentence> CoverUncitedSources(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, HashSet<string> used, HashSet<string> quoteFactIds)
    {
        var added = new List<DraftSentence>();
        foreach (var article in sheet.Articles)
        {
            var cited = sheet.Facts.Any(f => f.ArticleName == article.ArticleName && used.Contains(f.Id));
            if (cited)
            {
                continue;
            }

            var own = ranked.Where(f => f.ArticleName == article.ArticleName).ToList();
            added.AddRange(PickNarrative(own, sheet, agreement, used, quoteFactIds, 1, allowPronounStart: false));
        }

        return added;
    }

    private IEnumerable<DraftSection> WritePositions(
        FactSheet sheet, List<FactEntity> parties, HashSet<string> mustBeHeard, int budget, HashSet<string> used)
    {
        // Every party gets one sentence before anyone gets a second: balance first.
        var perParty = parties.ToDictionary(p => p.Key, _ => new List<DraftSentence>(), StringComparer.Ordinal);
        var candidates = parties.ToDictionary(p => p.Key, p => QuoteCandidates(sheet, p.Key), StringComparer.Ordinal);
        var written = 0;
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var party in parties)
            {
                var mustHaveOne = perParty[party.Key].Count == 0 && mustBeHeard.Contains(party.Key);
                if (!mustHaveOne && written >= budget)
                {
                    continue;
                }

                var sentence = NextQuoteSentence(sheet, candidates[party.Key], used);
                if (sentence is null)
                {
                    continue;
                }

                perParty[party.Key].Add(sentence);
                written++;
                progress = true;
            }
        }

        foreach (var party in parties.Where(p => perParty[p.Key].Count > 0))
        {
            yield return new DraftSection(SectionKind.Position, $"Position of {party.DisplayName}", party.Key, perParty[party.Key]);
        }
    }

    private DraftSentence? NextQuoteSentence(FactSheet sheet, Queue<FactQuote> queue, HashSet<string> used)
    {
        while (queue.Count > 0)
        {
            var quote = queue.Dequeue();
            if (used.Contains(quote.FactId))
            {
                continue;
            }

            var fact = sheet.FindFact(quote.FactId)!;
            var text = _renderer.Render(fact, sheet, quote);
            if (quote.SpeakerStart < 0 || OtherSpeakersIn(sheet, fact.Id, quote.SpeakerKey))
            {
                // The sentence does not name this speaker (or names another one too): say who said it.
                text = quote.Direct ? _renderer.RenderAttributedQuote(quote, sheet) : null;
            }

            if (text is null)
            {
                continue;
            }

            used.Add(fact.Id);
            return new DraftSentence(text, [fact.Id], quote.SpeakerKey);
        }

        return null;
    }

    private static bool OtherSpeakersIn(FactSheet sheet, string factId, string speakerKey) =>
        sheet.QuotesIn(factId).Any(q => q.SpeakerKey != speakerKey);

    private static Queue<FactQuote> QuoteCandidates(FactSheet sheet, string speakerKey)
    {
        var order = sheet.Facts.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new Queue<FactQuote>(sheet.Quotes
            .Where(q => q.SpeakerKey == speakerKey && sheet.FindFact(q.FactId)?.Kind == FactKind.Narrative)
            .OrderByDescending(q => q.SpeakerStart >= 0)
            .ThenBy(q => order[q.FactId])
            .ThenByDescending(q => q.Direct));
    }

    private static List<FactEntity> PartiesBySalience(FactSheet sheet)
    {
        var counts = sheet.Quotes.GroupBy(q => q.SpeakerKey).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return sheet.Entities
            .Where(e => counts.ContainsKey(e.Key))
            .OrderByDescending(e => e.Salience + (0.1 * counts[e.Key]))
            .ToList();
    }

    private (string Headline, IReadOnlyList<string> FactIds) Headline(FactSheet sheet, List<Fact> ranked)
    {
        var lead = ranked.FirstOrDefault();
        var leadIds = lead is null ? Array.Empty<string>() : [lead.Id];
        var title = sheet.Articles.FirstOrDefault(a => a.ArticleName == lead?.ArticleName)?.Title ?? sheet.Articles[0].Title;
        var neutral = string.IsNullOrWhiteSpace(title) ? null : neutralizer.Neutralize(title.Trim());
        if (neutral is not null)
        {
            return (neutral, leadIds);
        }

        // No usable title: the best source sentence that can be written neutrally.
        foreach (var fact in ranked)
        {
            if (_renderer.Render(fact, sheet, null) is { } text)
            {
                return (text, [fact.Id]);
            }
        }

        return (title.Trim(), leadIds);
    }
}
