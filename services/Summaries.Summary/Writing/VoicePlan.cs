using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing;

/// <summary>
/// Who a briefing of a given length has room to hear: the sentence budget, the places for what
/// happened, and the parties whose positions the text gives, main voices first; the others are
/// left to the balance report. The same plan drives the built-in engine and the LLM's prompt, and
/// decides which missing positions are supplied to an LLM draft.
/// </summary>
/// <param name="Parties">Every quoted party, in the plan's order of salience.</param>
public sealed record VoicePlan(int Budget, int LeadSentences, IReadOnlyList<FactEntity> Heard, IReadOnlyList<FactEntity> Parties)
{
    /// <summary>The parties the plan leaves to the balance report.</summary>
    public IReadOnlyList<FactEntity> LeftOut => Parties.Except(Heard).ToList();

    /// <summary>
    /// The plan for <paramref name="sheet"/> at <paramref name="request"/>'s length. Of one article
    /// the parties quoted in their own words come first and paraphrased ones fill free places; over
    /// several articles, where who says what matters most, any party may be heard. Parties are taken
    /// main voices first, then by salience, each side before a second voice of the same side.
    /// </summary>
    public static VoicePlan For(FactSheet sheet, WritingRequest request)
    {
        var budget = Math.Max(1, request.TargetSentences);
        var half = budget / 2;
        var ranked = PartySalience.Rank(sheet);
        var several = sheet.Articles.Count > 1;
        var candidates = several ? ranked : ranked.Where(p => p.Direct).ToList();
        if (candidates.Count == 0)
        {
            // No voice to hear in its own words: the lead takes the whole length, and the parties
            // only paraphrased are heard where it leaves a place.
            return new VoicePlan(budget, budget, BySides(ranked, ranked.Count).Select(p => p.Entity).ToList(), ranked.Select(p => p.Entity).ToList());
        }

        // Over several articles half the length says what happened and half who says what (more
        // where more main voices need places, leaving two for what happened); of one article, a
        // little over half is the lead, where a quote of any party may open its position.
        var main = candidates.Count(p => p.Main);
        var lead = several
            ? budget - Math.Max(budget - Math.Max(1, half), Math.Min(main, budget - 2))
            : Math.Max(1, Math.Min(budget - 1, half + 1));
        var places = budget - lead;

        // Of one article every quoted party is planned, those quoted in their own words first: each
        // is heard once, as the budget allows, before anyone twice (the lead's quotes count).
        var heard = several ? BySides(candidates, places)
            : [.. BySides(candidates, candidates.Count), .. BySides(ranked.Where(p => !p.Direct).ToList(), ranked.Count)];

        return new VoicePlan(budget, lead, heard.Select(p => p.Entity).ToList(), ranked.Select(p => p.Entity).ToList());
    }

    /// <summary>Up to <paramref name="places"/> parties by salience, one voice of each side before a second of any.</summary>
    private static List<PartySalience> BySides(List<PartySalience> ranked, int places)
    {
        var picked = new List<PartySalience>();
        var sides = new HashSet<string>(StringComparer.Ordinal);
        foreach (var party in ranked)
        {
            if (picked.Count < places && sides.Add(party.Side))
            {
                picked.Add(party);
            }
        }

        foreach (var party in ranked)
        {
            if (picked.Count < places && !picked.Contains(party))
            {
                picked.Add(party);
            }
        }

        // Read most salient first, whatever pass picked them.
        return picked.OrderBy(ranked.IndexOf).ToList();
    }
}

/// <summary>
/// A quoted party's weight in the event: how much and how prominently it is quoted across the
/// sources (a quote near an article's top weighs more, a quote in its own words more than a
/// paraphrase, each source quoting it more than one source quoting it often) and its salience in
/// the annotations. Its side is the organisation or state it speaks for, when its roles name one
/// that is itself a party ("chairman of X"); otherwise the party is its own side.
/// </summary>
public sealed record PartySalience(FactEntity Entity, double Score, bool Direct, string Side)
{
    /// <summary>
    /// A main voice of the event: one of the two parties quoted most, or quoted in at least half of
    /// several sources. Main voices rank first.
    /// </summary>
    public bool Main { get; init; }

    public static List<PartySalience> Rank(FactSheet sheet)
    {
        var parties = sheet.Quotes.GroupBy(q => q.SpeakerKey, StringComparer.Ordinal)
            .Select(g => (Entity: sheet.FindEntity(g.Key), Quotes: g.ToList()))
            .Where(p => p.Entity is not null)
            .ToList();
        var organisations = parties.Select(p => p.Entity!).Where(e => e.Type is EntityKind.Organization or EntityKind.Location).ToList();
        var articles = Math.Max(1, sheet.Articles.Count);
        var ranked = parties
            .Select(p =>
            {
                var quoted = p.Quotes.Select(q => (Quote: q, Fact: sheet.FindFact(q.FactId))).ToList();
                var sources = quoted.Select(x => x.Fact?.ArticleName).OfType<string>().Distinct(StringComparer.Ordinal).Count();
                var prominence = quoted.Sum(x => (x.Quote.Direct ? 1.0 : 0.6) / (1 + ((x.Fact?.Position ?? 0) / 10.0)));
                var score = p.Entity!.Salience + (2.0 * sources / articles) + (0.1 * p.Quotes.Count) + (0.25 * prominence);
                return (Party: new PartySalience(p.Entity, score, p.Quotes.Any(q => q.Direct), SideOf(p.Entity, organisations)),
                    Quotes: p.Quotes.Count, Sources: sources);
            })
            .ToList();
        var mostQuoted = ranked.OrderByDescending(p => p.Quotes).ThenByDescending(p => p.Party.Score).Take(2)
            .Select(p => p.Party.Entity.Key).ToHashSet(StringComparer.Ordinal);
        var wide = Math.Max(2, (articles + 1) / 2);
        return ranked
            .Select(p => p.Party with { Main = mostQuoted.Contains(p.Party.Entity.Key) || p.Sources >= wide })
            .OrderByDescending(p => p.Main)
            .ThenByDescending(p => p.Score)
            .ThenBy(p => p.Entity.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static string SideOf(FactEntity party, List<FactEntity> organisations)
    {
        if (party.Type != EntityKind.Person)
        {
            return party.Key;
        }

        // "chairman of the X", "a spokesman for X": the role says whom the person speaks for. A name
        // only inside a title ("Health Secretary", "shadow Health Secretary") says no side.
        var side = organisations.FirstOrDefault(o => party.Roles.Any(role => o.Aliases.Append(o.DisplayName)
            .Any(name => name.Length > 2 && Of(role, name))));
        return side?.Key ?? party.Key;
    }

    private static bool Of(string role, string name)
    {
        foreach (var preposition in (string[])["of ", "for ", "at ", "with "])
        {
            if (role.Contains(preposition + name, StringComparison.OrdinalIgnoreCase)
                || role.Contains(preposition + "the " + name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
