using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;

namespace Summaries.Summary.Writing.BuiltIn;

/// <summary>
/// The embedded, deterministic writer: it needs no model. Within the length's sentence budget it
/// picks the lead facts for "what happened", gives the parties the <see cref="VoicePlan"/> has
/// room for a section in their own attributed words, and fills the rest with context; every
/// sentence is a neutralised source sentence (or an explicit attribution of a quote), so every
/// sentence is citable by construction.
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

    public EngineInfo Engine { get; } = new(WriterKind.Builtin, "builtin", RulesVersion);

    public Task<BriefingDraft> WriteAsync(FactSheet facts, WritingRequest request, CancellationToken cancellationToken)
    {
        var draft = Write(facts, request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(draft);
    }

    /// <summary>
    /// The draft. Reading the sheet's names and words, ranking its facts and picking the lead look at
    /// <paramref name="cancellationToken"/> entity by entity and fact by fact, the later steps between them (they work
    /// on the few facts picked).
    /// </summary>
    public BriefingDraft Write(FactSheet sheet, WritingRequest request, CancellationToken cancellationToken = default)
    {
        _support.Prepare(sheet, cancellationToken);
        var agreement = new SourceAgreement(sheet, _support, cancellationToken);
        var centrality = new Centrality(sheet, cancellationToken);
        var order = new ReadingOrder(sheet);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var said = new WordCoverage(sayingsCompared: sheet.Articles.Count > 1);
        var quoteFactIds = sheet.Quotes.Select(q => q.FactId).ToHashSet(StringComparer.Ordinal);
        var ranked = sheet.Facts
            .Where(f => f.Kind == FactKind.Narrative)
            .Select(f =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return (Fact: f, Score: _ranker.Score(f, sheet, centrality));
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Fact.Position)
            .Select(x => x.Fact)
            .ToList();

        // The length is a budget: what happened first, then the positions the plan has room for,
        // main voices first; the parties left out are named in the balance report.
        var plan = VoicePlan.For(sheet, request);
        // Of one article, the lead's best sentences open the position of whoever they quote; over
        // several, only the planned voices', so the main voices come first.
        var leadParties = (sheet.Articles.Count > 1 ? plan.Heard : plan.Parties).ToList();
        // Where outlets report a point differently, the lead gives each version under its outlet's name.
        var versions = sheet.Articles.Count > 1 ? new SourceVersions(sheet, _support, _renderer) : null;
        var (happened, heard, leftEmpty) = PickLead(ranked, sheet, agreement, versions, order, used, said, quoteFactIds, leadParties, plan.LeadSentences, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var parties = plan.Parties.Where(p => plan.Heard.Contains(p) || heard.ContainsKey(p.Key)).ToList();
        if (happened.Count == 0)
        {
            happened = PickNarrative(ranked, sheet, agreement, used, said, quoteFactIds, 1, order);
        }

        var sections = new List<DraftSection>();
        if (happened.Count > 0)
        {
            sections.Add(new DraftSection(DraftSectionKind.WhatHappened, "What happened", null, happened));
        }

        // Places the lead left empty for repetitions stay empty.
        var positionBudget = plan.Budget - happened.Count - heard.Values.Sum(v => v.Count) - leftEmpty;
        sections.AddRange(_positions.Write(sheet, parties, positionBudget, used, heard));
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var sentence in sections.SelectMany(s => s.Sentences))
        {
            said.Add(sentence.Text);
        }

        // Every source is heard: an article nothing was taken from gives its best sentence first, in
        // a place the lead left empty or a party's second sentence gave up if need be; context fills
        // what is left of the budget.
        var cited = CitedArticles(sections, sheet);
        FreePlaces(sections, sheet, sheet.Articles.Count(a => !cited.Contains(a.ArticleName)) - (plan.Budget - sections.Sum(s => s.Sentences.Count)));
        var written = sections.Sum(s => s.Sentences.Count);
        var context = CoverUncitedSources(ranked, sheet, agreement, order, used, said, quoteFactIds, plan.Budget - written, CitedArticles(sections, sheet));
        context.AddRange(PickNarrative(ranked, sheet, agreement, used, said, quoteFactIds,
            Math.Max(0, plan.Budget - written - leftEmpty - context.Count), order));
        cancellationToken.ThrowIfCancellationRequested();
        if (context.Count > 0)
        {
            sections.Add(new DraftSection(DraftSectionKind.Context, "Context", null, context));
        }

        var (headline, headlineFacts) = Headline(sheet, ranked);
        return new BriefingDraft(headline, headlineFacts, sections);
    }

    /// <summary>The lead, the quoted parties it opens, and how many of its places were left empty for repetitions.</summary>
    private (List<DraftSentence> Happened, Dictionary<string, List<DraftSentence>> Heard, int LeftEmpty) PickLead(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, SourceVersions? versions, ReadingOrder order, HashSet<string> used,
        WordCoverage said, HashSet<string> quoteFactIds, List<FactEntity> parties, int budget, CancellationToken cancellationToken)
    {
        var partyKeys = parties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var differing = new Dictionary<string, IReadOnlyList<DraftSentence>>(StringComparer.Ordinal);
        var heard = new Dictionary<string, List<DraftSentence>>(StringComparer.Ordinal);
        var narrative = new List<Fact>();
        var inLead = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var leftEmpty = 0;
        foreach (var fact in ranked)
        {
            cancellationToken.ThrowIfCancellationRequested();
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
                // A sentence that cannot be written neutrally takes no place, and hides none that repeat
                // it; nor does another wording of a sentence picked already.
                if (_renderer.Render(fact, sheet, attributed: null) is not { } rendered || said.SaysAgain(rendered))
                {
                    continue;
                }

                narrative.Add(fact);
                inLead.Add(fact.Id);
                said.Add(rendered);
                count++;
                // Another outlet reports this point differently: both versions, each under its
                // outlet's name, where the lead has a place for the second.
                if (count < budget && versions?.Versions(fact, max: 2) is { Count: 2 } both)
                {
                    differing[fact.Id] = both;
                    used.UnionWith(both[1].FactIds);
                    said.Add(both[1].Text);
                    count++;
                }

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
        return (PickNarrative(narrative, sheet, agreement, used, null, quoteFactIds, narrative.Count, order: null, differing), heard, leftEmpty);
    }

    /// <summary>
    /// Up to <paramref name="budget"/> narrative sentences, in source order; with <paramref name="said"/>, none that
    /// repeats what was said; with <paramref name="order"/>, none that leans on a sentence not picked with it.
    /// </summary>
    private List<DraftSentence> PickNarrative(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, HashSet<string> used, WordCoverage? said,
        HashSet<string> quoteFactIds, int budget, ReadingOrder? order, IReadOnlyDictionary<string, IReadOnlyList<DraftSentence>>? differing = null)
    {
        var picked = new List<(Fact Fact, IReadOnlyList<DraftSentence> Sentences)>();
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

            // Compared as written: a dateline or byline the renderer drops says nothing.
            var text = _renderer.Render(fact, sheet, attributed: null);
            if (text is null || said?.SaysAgain(text) == true)
            {
                continue;
            }

            said?.Add(text);
            pickedIds.Add(fact.Id);
            if (differing?.GetValueOrDefault(fact.Id) is { } versions)
            {
                // Each version cites its own outlet only: the others do not say it.
                picked.Add((fact, versions));
                continue;
            }

            var support = agreement.Supporting(fact);
            foreach (var id in support)
            {
                used.Add(id);
            }

            picked.Add((fact, [new DraftSentence(text, support, null)]));
        }

        // Read in source order, not score order.
        return picked.OrderBy(p => p.Fact.ArticleName == ranked[0].ArticleName ? 0 : 1)
            .ThenBy(p => p.Fact.ArticleName, StringComparer.Ordinal)
            .ThenBy(p => p.Fact.Position)
            .SelectMany(p => p.Sentences)
            .ToList();
    }

    /// <summary>Every source is heard: an article nothing was taken from contributes its best fact, while <paramref name="budget"/> lasts.</summary>
    private List<DraftSentence> CoverUncitedSources(
        List<Fact> ranked, FactSheet sheet, SourceAgreement agreement, ReadingOrder order, HashSet<string> used, WordCoverage said,
        HashSet<string> quoteFactIds, int budget, HashSet<string> cited)
    {
        var added = new List<DraftSentence>();
        foreach (var article in sheet.Articles)
        {
            if (added.Count >= budget || cited.Contains(article.ArticleName))
            {
                continue;
            }

            var own = ranked.Where(f => f.ArticleName == article.ArticleName).ToList();
            // Every source must be heard: by a sentence that says something new where it has one,
            // else even where it repeats another.
            var best = PickNarrative(own, sheet, agreement, used, said, quoteFactIds, 1, order);
            if (best.Count == 0)
            {
                best = PickNarrative(own, sheet, agreement, used, null, quoteFactIds, 1, order);
            }

            foreach (var sentence in best)
            {
                said.Add(sentence.Text);
            }

            added.AddRange(best);
        }

        return added;
    }

    private static HashSet<string> CitedArticles(List<DraftSection> sections, FactSheet sheet) =>
        sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds)
            .Select(id => sheet.FindFact(id)?.ArticleName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Up to <paramref name="needed"/> places for uncited sources: parties' second sentences give
    /// theirs up first, the least salient party's last sentence first; then what-happened sentences
    /// past the first two, the last first. A sentence that alone cites a source stays.
    /// </summary>
    private static void FreePlaces(List<DraftSection> sections, FactSheet sheet, int needed)
    {
        foreach (var (kind, keep) in ((DraftSectionKind, int)[])[(DraftSectionKind.Position, 1), (DraftSectionKind.WhatHappened, 2)])
        {
            for (var i = sections.Count - 1; i >= 0 && needed > 0; i--)
            {
                var section = sections[i];
                if (section.Kind != kind || section.Sentences.Count <= keep)
                {
                    continue;
                }

                var last = section.Sentences[^1];
                var others = sections.SelectMany(s => s.Sentences).Where(s => !ReferenceEquals(s, last)).SelectMany(s => s.FactIds)
                    .Select(id => sheet.FindFact(id)?.ArticleName).ToHashSet(StringComparer.Ordinal);
                if (last.FactIds.All(id => others.Contains(sheet.FindFact(id)?.ArticleName)))
                {
                    sections[i] = section with { Sentences = section.Sentences.Take(section.Sentences.Count - 1).ToList() };
                    needed--;
                    i++;
                }
            }
        }
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
