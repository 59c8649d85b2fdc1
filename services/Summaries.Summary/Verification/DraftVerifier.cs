using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Verification;

/// <summary>
/// Checks every sentence of a draft before it is served: it cites facts that exist; its quoted
/// words appear verbatim in those facts and are attributed to their speaker; its numbers and
/// names come from those facts; and its own voice has no loaded language.
/// </summary>
public sealed partial class DraftVerifier(LoadedLexicon lexicon)
{
    private static readonly HashSet<string> CapitalisedCommonWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "That",
        "These", "Those", "Mr", "Mrs", "Ms", "Dr", "But", "And", "Both", "Neither", "According", "I", "We", "President",
        "Minister", "Secretary", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    public VerificationResult Verify(BriefingDraft draft, FactSheet sheet)
    {
        var problems = new List<SentenceProblem>();
        var headlineProblem = CheckHeadline(draft, sheet);
        if (headlineProblem is not null)
        {
            problems.Add(new SentenceProblem(-1, -1, draft.Headline, "headline: " + headlineProblem));
        }

        var checkedCount = 0;
        for (var s = 0; s < draft.Sections.Count; s++)
        {
            for (var i = 0; i < draft.Sections[s].Sentences.Count; i++)
            {
                var sentence = draft.Sections[s].Sentences[i];
                checkedCount++;
                var reason = Check(sentence, sheet);
                if (reason is not null)
                {
                    problems.Add(new SentenceProblem(s, i, sentence.Text, reason));
                }
            }
        }

        return new VerificationResult(problems, checkedCount);
    }

    /// <summary>Drops the sentences the verifier rejects and sections left empty.</summary>
    public (BriefingDraft Kept, VerificationResult Result) Keep(BriefingDraft draft, FactSheet sheet)
    {
        var result = Verify(draft, sheet);
        if (result.IsClean)
        {
            return (draft, result);
        }

        var rejected = result.Problems.Where(p => p.SectionIndex >= 0)
            .Select(p => (p.SectionIndex, p.SentenceIndex)).ToHashSet();
        var sections = draft.Sections
            .Select((s, si) => s with { Sentences = s.Sentences.Where((_, i) => !rejected.Contains((si, i))).ToList() })
            .Where(s => s.Sentences.Count > 0)
            .ToList();
        var headlineBad = result.Problems.Any(p => p.SectionIndex < 0);
        var headline = headlineBad && sections.Count > 0 ? sections[0].Sentences[0].Text : draft.Headline;
        var headlineFacts = headlineBad && sections.Count > 0 ? sections[0].Sentences[0].FactIds : draft.HeadlineFactIds;
        return (draft with { Headline = headline, HeadlineFactIds = headlineFacts, Sections = sections }, result);
    }

    /// <summary>The first reason the sentence fails, or null when it passes.</summary>
    public string? Check(DraftSentence sentence, FactSheet sheet)
    {
        if (string.IsNullOrWhiteSpace(sentence.Text))
        {
            return "empty sentence";
        }

        if (sentence.FactIds.Count == 0)
        {
            return "cites no fact";
        }

        var cited = new List<Fact>();
        foreach (var id in sentence.FactIds)
        {
            var fact = sheet.FindFact(id);
            if (fact is null || fact.Kind != FactKind.Narrative)
            {
                return $"cites unknown fact '{id}'";
            }

            cited.Add(fact);
        }

        var source = Normalise(string.Join(" ", cited.Select(f => f.Text)));
        foreach (var quoted in QuoteRegions.QuotedStrings(sentence.Text))
        {
            if (!source.Contains(Normalise(quoted), StringComparison.Ordinal))
            {
                return $"quote not verbatim in cited facts: “{Shorten(quoted)}”";
            }

            if (!IsAttributed(sentence, quoted, cited, sheet))
            {
                return $"quote not attributed to its speaker: “{Shorten(quoted)}”";
            }
        }

        var raw = string.Join(" ", cited.Select(f => f.Text)).Replace('’', '\'');
        return CheckVoice(sentence.Text) ?? CheckNumbersAndNames(sentence.Text.Replace('’', '\''), raw, cited, sheet);
    }

    /// <summary>The headline may use words of the facts it cites and of the articles' own titles.</summary>
    private string? CheckHeadline(BriefingDraft draft, FactSheet sheet)
    {
        var cited = draft.HeadlineFactIds.Select(sheet.FindFact).OfType<Fact>().Where(f => f.Kind == FactKind.Narrative).ToList();
        var raw = string.Join(" ", cited.Select(f => f.Text).Concat(sheet.Articles.Select(a => a.Title))).Replace('’', '\'');
        return CheckVoice(draft.Headline) ?? CheckNumbersAndNames(draft.Headline.Replace('’', '\''), raw, cited, sheet);
    }

    private string? CheckVoice(string text)
    {
        var loaded = lexicon.FindOutsideQuotes(text);
        return loaded.Count > 0 ? $"loaded language outside quotes: '{text[loaded[0].Start..loaded[0].End]}'" : null;
    }

    private static string? CheckNumbersAndNames(string text, string source, List<Fact> cited, FactSheet sheet)
    {
        var outside = OutsideQuotes(text);
        foreach (Match number in NumberPattern().Matches(outside))
        {
            if (!source.Contains(number.Value, StringComparison.Ordinal))
            {
                return $"number not in cited facts: {number.Value}";
            }
        }

        var known = KnownNames(cited, sheet);
        foreach (Match word in CapitalisedWord().Matches(outside))
        {
            var w = word.Value;
            if (CapitalisedCommonWords.Contains(w) || source.Contains(w, StringComparison.Ordinal) || known.Contains(w))
            {
                continue;
            }

            // A sentence's first word is capitalised by grammar, not because it is a name.
            var opensSentence = outside[..word.Index].Trim().Length == 0;
            if (opensSentence && source.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return $"name not in cited facts: {w}";
        }

        return null;
    }

    /// <summary>A quote is attributed when the sentence names (or is tagged with) the speaker the source gives it.</summary>
    private static bool IsAttributed(DraftSentence sentence, string quoted, List<Fact> cited, FactSheet sheet)
    {
        var normalised = Normalise(quoted);
        var speakers = cited
            .SelectMany(f => sheet.QuotesIn(f.Id))
            .Where(q => Normalise(q.Text).Contains(normalised, StringComparison.Ordinal)
                || normalised.Contains(Normalise(q.Text), StringComparison.Ordinal))
            .Select(q => q.SpeakerKey)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (speakers.Count == 0)
        {
            // The source names no speaker for these words; the sentence must at least not invent one.
            return sentence.SpeakerKey is null;
        }

        if (sentence.SpeakerKey is not null && speakers.Contains(sentence.SpeakerKey))
        {
            return true;
        }

        var outside = OutsideQuotes(sentence.Text);
        return speakers.Select(sheet.FindEntity).OfType<FactEntity>()
            .Any(e => e.Aliases.Append(e.DisplayName).Any(a => a.Length > 1 && outside.Contains(a, StringComparison.Ordinal)));
    }

    private static HashSet<string> KnownNames(List<Fact> cited, FactSheet sheet)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in cited.SelectMany(f => f.EntityKeys).Concat(sheet.Quotes.Where(q => cited.Any(f => f.Id == q.FactId)).Select(q => q.SpeakerKey)))
        {
            var entity = sheet.FindEntity(key);
            if (entity is null)
            {
                continue;
            }

            foreach (var form in entity.Aliases.Append(entity.DisplayName).Concat(entity.Roles))
            {
                foreach (Match m in CapitalisedWord().Matches(form))
                {
                    names.Add(m.Value);
                }
            }
        }

        return names;
    }

    private static string OutsideQuotes(string text)
    {
        var chars = text.ToCharArray();
        foreach (var (start, end) in QuoteRegions.Find(text))
        {
            for (var i = start; i < end; i++)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static string Normalise(string s) =>
        Spaces().Replace(s.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'), " ")
            .Trim().Trim('"', '.', ',', ' ').ToLower(CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}]+")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
