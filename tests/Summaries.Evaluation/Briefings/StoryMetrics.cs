using System.Globalization;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Stories;
using Summaries.Summary.Text;
using Summaries.Summary.Writing;

namespace Summaries.Evaluation.Briefings;

/// <summary>A position sentence whose party is not the speaker the annotation gives it: why, and the speaker's words.</summary>
internal sealed record PartyError(string Party, string SpeakerText, string Sentence);

/// <summary>
/// What a reader of one story briefing sees, measured: its length against the budget, the parties
/// shown and left out of the text, position parties that only modify their sentence's speaker,
/// person parties that are one person twice, what-happened sentences that say the same, and
/// whether the event's main voices are heard.
/// </summary>
internal sealed class StoryMetrics
{
    /// <summary>Words before a name in a speaker's words that make the name a modifier of the speaker ("a sergeant in Samarra").</summary>
    private static readonly HashSet<string> Modifying = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "of", "to", "at", "for", "from", "with", "by", "on", "near", "outside", "inside", "behind",
    };

    /// <summary>Words that speak for the party they govern: a spokesman for X, X's statement.</summary>
    private static readonly HashSet<string> SpeaksFor = new(StringComparer.OrdinalIgnoreCase)
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "representatives", "lawyer", "lawyers",
        "attorney", "statement", "statements", "release", "words", "speech", "remarks", "introduction", "letter", "message", "comments",
    };

    public required int Sentences { get; init; }

    public required int Budget { get; init; }

    public bool WithinBudget => Sentences <= Budget;

    public required IReadOnlyList<string> Shown { get; init; }

    public required IReadOnlyList<string> LeftOut { get; init; }

    public required IReadOnlyList<PartyError> PartyErrors { get; init; }

    public required IReadOnlyList<(string A, string B)> DuplicatePersons { get; init; }

    public required IReadOnlyList<(string A, string B)> RedundantPairs { get; init; }

    /// <summary>The main voices (see <see cref="MainVoicesOf"/>) and which of them the text does not hear.</summary>
    public required IReadOnlyList<string> MainVoices { get; init; }

    public required IReadOnlyList<string> MainVoicesUnheard { get; init; }

    public required bool AllPartiesInBalance { get; init; }

    public static StoryMetrics Of(BriefingDraft draft, FactSheet sheet, Summary.Balance.BalanceReport balance, int budget)
    {
        var quoted = sheet.Quotes.Select(q => q.SpeakerKey).Distinct(StringComparer.Ordinal).ToList();
        var heard = draft.Sections.SelectMany(s => s.Sentences).Select(s => s.SpeakerKey).OfType<string>()
            .Concat(draft.Sections.Select(s => s.PartyKey).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var name = (string key) => sheet.FindEntity(key)?.DisplayName ?? key;
        var main = MainVoicesOf(sheet);
        var balanced = balance.Parties.Select(p => p.DisplayName).ToHashSet(StringComparer.Ordinal);
        return new StoryMetrics
        {
            Sentences = draft.SentenceCount,
            Budget = budget,
            Shown = quoted.Where(heard.Contains).Select(name).ToList(),
            LeftOut = quoted.Where(k => !heard.Contains(k)).Select(name).ToList(),
            PartyErrors = PartyErrorsOf(draft, sheet),
            DuplicatePersons = DuplicatePersonsOf(sheet, quoted),
            RedundantPairs = RedundantPairsOf(draft),
            MainVoices = main.Select(name).ToList(),
            MainVoicesUnheard = main.Where(k => !heard.Contains(k)).Select(name).ToList(),
            AllPartiesInBalance = quoted.All(k => balanced.Contains(name(k))),
        };
    }

    /// <summary>
    /// An event's main voices, the sides of its main disagreement as far as text can tell without
    /// reading it: the two parties quoted most across the sources (quotes and reported statements),
    /// and every party quoted in at least half of the sources (and at least two).
    /// </summary>
    public static List<string> MainVoicesOf(FactSheet sheet)
    {
        var articleOf = sheet.Facts.ToDictionary(f => f.Id, f => f.ArticleName, StringComparer.Ordinal);
        var byParty = sheet.Quotes.GroupBy(q => q.SpeakerKey, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Quotes: g.Count(), Sources: g.Select(q => articleOf[q.FactId]).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(p => p.Quotes).ThenByDescending(p => p.Sources).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var wide = Math.Max(2, (sheet.Articles.Count + 1) / 2);
        return byParty.Take(2).Concat(byParty.Where(p => p.Sources >= wide)).Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Position sentences whose party the annotation's speaker words, read in their sentence, show
    /// only modifying the speaker: after a preposition ("a sergeant stationed in Samarra", "Ken
    /// Boehm, chairman of the X", "Action on Smoking on Health") or as a possessive ("China's
    /// ambassador"). A speaker given by a pronoun or in another sentence is not counted: nothing
    /// in the sentence names another speaker.
    /// </summary>
    private static List<PartyError> PartyErrorsOf(BriefingDraft draft, FactSheet sheet)
    {
        var errors = new List<PartyError>();
        foreach (var section in draft.Sections.Where(s => s.Kind == DraftSectionKind.Position))
        {
            foreach (var sentence in section.Sentences)
            {
                var party = sentence.SpeakerKey ?? section.PartyKey;
                var entity = party is null ? null : sheet.FindEntity(party);
                if (entity is null)
                {
                    continue;
                }

                foreach (var quote in sentence.FactIds.SelectMany(sheet.QuotesIn).Where(q => q.SpeakerKey == party))
                {
                    var fact = sheet.FindFact(quote.FactId)!;
                    if (ModifiesSpeaker(quote.SpeakerText, entity)
                        || (quote.SpeakerStart >= 0 && ModifierInSentence(fact.Text, quote.SpeakerStart, quote.SpeakerEnd)))
                    {
                        errors.Add(new PartyError(entity.DisplayName, quote.SpeakerText, sentence.Text));
                        break;
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// The speaker's words at [start, end) of the sentence follow a preposition (past a determiner)
    /// or end in a possessive; "according to X", and words that speak for the party ("a spokesman
    /// for X", "X's statement"), leave X the speaker.
    /// </summary>
    public static bool ModifierInSentence(string sentence, int start, int end)
    {
        var before = Rouge.Words(sentence[..start]);
        while (before.Count > 0 && before[^1] is "the" or "a" or "an")
        {
            before.RemoveAt(before.Count - 1);
        }

        if (before.Count > 0 && Modifying.Contains(before[^1]))
        {
            var governor = before.Count > 1 ? before[^2] : string.Empty;
            return governor != "according" && !SpeaksFor.Contains(governor);
        }

        var after = sentence[end..];
        if (after.StartsWith("'s ", StringComparison.Ordinal) || after.StartsWith("’s ", StringComparison.Ordinal))
        {
            var head = Rouge.Words(after[3..]).FirstOrDefault() ?? string.Empty;
            return !SpeaksFor.Contains(head);
        }

        return false;
    }

    public static bool ModifiesSpeaker(string speakerText, FactEntity entity)
    {
        var words = Rouge.Words(speakerText);
        foreach (var form in entity.Aliases.Append(entity.DisplayName).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var nameWords = Rouge.Words(form);
            if (nameWords.Count == 0)
            {
                continue;
            }

            for (var i = 0; i + nameWords.Count <= words.Count; i++)
            {
                if (!words.Skip(i).Take(nameWords.Count).SequenceEqual(nameWords, StringComparer.Ordinal))
                {
                    continue;
                }

                var end = i + nameWords.Count;
                // "China's ambassador": the words split "China's" into "china", "s".
                var possessive = end < words.Count - 1 && words[end] == "s";
                var afterPreposition = i > 0 && words.Take(i).Any(Modifying.Contains);
                if (possessive || afterPreposition)
                {
                    return true;
                }

                // The name itself heads the speaker's words: a speaker.
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Person parties that are one person twice: one name is the other's ending ("van Rensburg",
    /// "Wessel van Rensburg") or both share first and last word; or one name runs two others together.
    /// </summary>
    private static List<(string A, string B)> DuplicatePersonsOf(FactSheet sheet, List<string> quoted)
    {
        var persons = quoted.Select(sheet.FindEntity).OfType<FactEntity>().Where(e => e.Type == EntityKind.Person)
            .Select(e => (e.DisplayName, Words: Rouge.Words(e.DisplayName))).Where(p => p.Words.Count > 0).ToList();
        var pairs = new List<(string, string)>();
        for (var i = 0; i < persons.Count; i++)
        {
            for (var j = 0; j < persons.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var (a, b) = (persons[i].Words, persons[j].Words);
                var ending = a.Count < b.Count && b.Skip(b.Count - a.Count).SequenceEqual(a, StringComparer.Ordinal);
                var sameEnds = i < j && a.Count > 1 && b.Count > 1 && a[0] == b[0] && a[^1] == b[^1];
                var runTogether = a.Count > b.Count && a.Count >= 4 && StartsWith(a, b) && persons.Any(p => p.Words.Count < a.Count && p.Words != b && EndsWith(a, p.Words));
                if (ending || sameEnds || runTogether)
                {
                    pairs.Add((persons[i].DisplayName, persons[j].DisplayName));
                }
            }
        }

        return pairs;
    }

    private static bool StartsWith(List<string> a, List<string> b) => a.Count >= b.Count && a.Take(b.Count).SequenceEqual(b, StringComparer.Ordinal);

    private static bool EndsWith(List<string> a, List<string> b) => a.Count >= b.Count && a.Skip(a.Count - b.Count).SequenceEqual(b, StringComparer.Ordinal);

    /// <summary>Pairs of what-happened sentences whose content words overlap by half or more (of the shorter one's).</summary>
    private static List<(string A, string B)> RedundantPairsOf(BriefingDraft draft)
    {
        var happened = draft.Sections.Where(s => s.Kind == DraftSectionKind.WhatHappened).SelectMany(s => s.Sentences)
            .Select(s => (s.Text, Words: ContentWords.Of(s.Text).ToHashSet(StringComparer.Ordinal))).ToList();
        var pairs = new List<(string, string)>();
        for (var i = 0; i < happened.Count; i++)
        {
            for (var j = i + 1; j < happened.Count; j++)
            {
                if (Overlap(happened[i].Words, happened[j].Words) >= 0.5)
                {
                    pairs.Add((happened[i].Text, happened[j].Text));
                }
            }
        }

        return pairs;
    }

    public static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        var smaller = Math.Min(a.Count, b.Count);
        return smaller == 0 ? 0 : (double)a.Count(b.Contains) / smaller;
    }

    public string Line(string label) => string.Create(CultureInfo.InvariantCulture,
        $"{label,-22} {Sentences}/{Budget} sentences{(WithinBudget ? "" : " OVER")}, parties shown {Shown.Count}, left out {LeftOut.Count}, party errors {PartyErrors.Count}, duplicate persons {DuplicatePersons.Count}, redundant pairs {RedundantPairs.Count}, main voices {MainVoices.Count - MainVoicesUnheard.Count}/{MainVoices.Count}");
}
