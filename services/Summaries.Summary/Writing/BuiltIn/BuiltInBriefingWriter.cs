using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// The embedded, deterministic writer: it needs no model. It picks the lead facts for "what
/// happened", gives every quoted party a section in its own attributed words, and fills the rest
/// with context; every sentence is a neutralised source sentence (or an explicit attribution of a
/// quote), so every sentence is citable by construction.
/// </summary>
public sealed class BuiltInBriefingWriter : IBriefingWriter
{
    public const string RulesVersion = "builtin-2";

    private readonly SentenceRenderer _renderer;
    private readonly PositionWriter _positions;
    private readonly FactRanker _ranker = new(readingOrderChecked: true);
    private readonly Neutralizer _neutralizer;
    private readonly SheetSupport _support;

    /// <param name="support">The support check for "several sources agree" citations; the shipped one when none is given.</param>
    public BuiltInBriefingWriter(Neutralizer neutralizer, SheetSupport? support = null)
    {
        _neutralizer = neutralizer;
        _support = support ?? SheetSupport.Default;
        _renderer = new SentenceRenderer(neutralizer);
        _positions = new PositionWriter(_renderer);
    }

    public EngineInfo Engine { get; } = new(EngineKind.Builtin, "builtin", RulesVersion);

    public Task<BriefingDraft> WriteAsync(FactSheet facts, WritingRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write(facts, request));
    }

    public BriefingDraft Write(FactSheet sheet, WritingRequest request)
    {
        var agreement = new SourceAgreement(sheet, _support);
        var centrality = new Centrality(sheet);
        var order = new ReadingOrder(sheet);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var said = new WordCoverage();
        var quoteFactIds = sheet.Quotes.Select(q => q.FactId).ToHashSet(StringComparer.Ordinal);
        var ranked = sheet.Facts
            .Where(f => f.Kind == FactKind.Narrative)
            .Select(f => (Fact: f, Score: _ranker.Score(f, sheet, centrality)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Fact.Position)
            .Select(x => x.Fact)
            .ToList();

        var parties = PositionWriter.PartiesBySalience(sheet);
        // Parties quoted in their own words must be heard; parties only paraphrased in the sources
        // are heard as the length allows.
        var directlyQuoted = sheet.Quotes.Where(q => q.Direct).Select(q => q.SpeakerKey).ToHashSet(StringComparer.Ordinal);

        // The lead: the best sentences whoever speaks in them. A sentence quoting a party opens that
        // party's position; the others say what happened.
        // Without voices to hear, the lead takes the whole length. With them, it takes a little over
        // half of one article's briefing (at least one place is left for them), and half of a
        // briefing over several articles, where who says what matters more.
        var voices = parties.Count(p => directlyQuoted.Contains(p.Key));
        var half = request.TargetSentences / 2;
        var leadBudget = voices == 0 ? request.TargetSentences
            : sheet.Articles.Count > 1 ? Math.Max(1, half)
            : Math.Max(1, Math.Min(request.TargetSentences - 1, half + 1));
        var (happened, heard, leftEmpty) = PickLead(ranked, sheet, agreement, order, used, said, quoteFactIds, parties, leadBudget);
        if (happened.Count == 0)
        {
            happened = PickNarrative(ranked, sheet, agreement, used, said, quoteFactIds, 1, order);
        }

        var sections = new List<DraftSection>();
        if (happened.Count > 0)
        {
            sections.Add(new DraftSection(SectionKind.WhatHappened, "What happened", null, happened));
        }

        // Over several articles, where who says what matters most, every party gets a sentence where
        // one can be written, paraphrased ones too; second sentences only as the length allows.
        var mustBeHeard = sheet.Articles.Count > 1 ? parties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) : directlyQuoted;
        // Places the lead left empty for repetitions stay empty.
        var positionBudget = request.TargetSentences - happened.Count - heard.Values.Sum(v => v.Count) - leftEmpty;
        sections.AddRange(_positions.Write(sheet, parties, mustBeHeard, positionBudget, used, heard));

        foreach (var sentence in sections.SelectMany(s => s.Sentences))
        {
            said.Add(sentence.Text);
        }

        var written = sections.Sum(s => s.Sentences.Count);
        var context = PickNarrative(ranked, sheet, agreement, used, said, quoteFactIds, Math.Max(0, request.TargetSentences - written - leftEmpty), order);
        context.AddRange(CoverUncitedSources(ranked, sheet, agreement, order, used, quoteFactIds));
        if (context.Count > 0)
        {
            sections.Add(new DraftSection(SectionKind.Context, "Context", null, context));
        }

        var (headline, headlineFacts) = Headline(sheet, ranked);
        return new BriefingDraft(headline, headlineFacts, sections);
    }

    /// <summary>The lead, the quoted parties it opens, and how many of its places were left empty for repetitions.</summary>
    private (List<DraftSentence> Happened, Dictionary<string, List<DraftSentence>> Heard, int LeftEmpty) PickLead(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, ReadingOrder order, HashSet<string> used, WordCoverage said,
        HashSet<string> quoteFactIds, List<FactEntity> parties, int budget)
    {
        var partyKeys = parties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var heard = new Dictionary<string, List<DraftSentence>>(StringComparer.Ordinal);
        var narrative = new List<Fact>();
        var inLead = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var leftEmpty = 0;
        foreach (var fact in ranked)
        {
            if (count >= budget)
            {
                break;
            }

            var quoted = quoteFactIds.Contains(fact.Id);
            // A quote's pronoun is its speaker, whom the rendered sentence names.
            if (used.Contains(fact.Id) || (!quoted && !order.Readable(fact, inLead)))
            {
                continue;
            }

            if (said.Repeats(fact.Text))
            {
                // One of the best sentences, but said already: its place stays empty rather than go to
                // a sentence that ranks lower (the lead is the best sentences less their repetitions).
                count++;
                leftEmpty++;
                continue;
            }

            if (!quoted)
            {
                // A sentence that cannot be written neutrally takes no place, and hides none that repeat it.
                if (_renderer.Render(fact, sheet, attributed: null) is null)
                {
                    continue;
                }

                narrative.Add(fact);
                inLead.Add(fact.Id);
                said.Add(fact.Text);
                count++;
                continue;
            }

            // Only a sentence with one speaker, a party, can open a position.
            var speakers = sheet.QuotesIn(fact.Id).Select(q => q.SpeakerKey).Distinct(StringComparer.Ordinal).ToList();
            if (speakers.Count != 1 || !partyKeys.Contains(speakers[0]))
            {
                continue;
            }

            var quote = sheet.QuotesIn(fact.Id).OrderByDescending(q => q.SpeakerStart >= 0).ThenByDescending(q => q.Direct).First();
            if ((quote.SpeakerStart != 0 && !order.Readable(fact, inLead)) || _positions.RenderQuote(sheet, quote) is not { } sentence)
            {
                continue;
            }

            used.Add(fact.Id);
            inLead.Add(fact.Id);
            said.Add(sentence.Text);
            (heard.TryGetValue(quote.SpeakerKey, out var list) ? list : heard[quote.SpeakerKey] = []).Add(sentence);
            count++;
        }

        // Already checked against each other, and for reading order, above.
        return (PickNarrative(narrative, sheet, agreement, used, null, quoteFactIds, narrative.Count, order: null), heard, leftEmpty);
    }

    /// <summary>
    /// Up to <paramref name="budget"/> narrative sentences, in source order; with <paramref name="said"/>, none that
    /// repeats what was said; with <paramref name="order"/>, none that leans on a sentence not picked with it.
    /// </summary>
    private List<DraftSentence> PickNarrative(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, HashSet<string> used, WordCoverage? said,
        HashSet<string> quoteFactIds, int budget, ReadingOrder? order)
    {
        var picked = new List<(Fact Fact, DraftSentence Sentence)>();
        var pickedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in ranked)
        {
            if (picked.Count >= budget)
            {
                break;
            }

            // Sentences quoting a known party belong to its position; other quotation marks
            // (titles, scare quotes, unattributed phrases) may stay in the narrative.
            if (used.Contains(fact.Id) || quoteFactIds.Contains(fact.Id)
                || order?.Readable(fact, pickedIds) == false || said?.Repeats(fact.Text) == true)
            {
                continue;
            }

            var text = _renderer.Render(fact, sheet, attributed: null);
            if (text is null)
            {
                continue;
            }

            said?.Add(text);
            var support = agreement.Supporting(fact);
            foreach (var id in support)
            {
                used.Add(id);
            }

            picked.Add((fact, new DraftSentence(text, support, null)));
            pickedIds.Add(fact.Id);
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
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, ReadingOrder order, HashSet<string> used, HashSet<string> quoteFactIds)
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
            // Every source must be heard, even where it repeats another.
            added.AddRange(PickNarrative(own, sheet, agreement, used, null, quoteFactIds, 1, order));
        }

        return added;
    }

    private (string Headline, IReadOnlyList<string> FactIds) Headline(FactSheet sheet, List<Fact> ranked)
    {
        var lead = ranked.FirstOrDefault();
        var leadIds = lead is null ? Array.Empty<string>() : [lead.Id];
        var title = sheet.Articles.FirstOrDefault(a => a.ArticleName == lead?.ArticleName)?.Title ?? sheet.Articles[0].Title;
        var neutral = string.IsNullOrWhiteSpace(title) ? null : _neutralizer.Neutralize(title.Trim());
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
