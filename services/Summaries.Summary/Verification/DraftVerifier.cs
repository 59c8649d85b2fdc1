using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;
using Summaries.Summary.Text;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Verification;

/// <summary>
/// Checks every sentence of a draft before it is served: it cites facts that exist; its quoted
/// words appear verbatim in those facts and are attributed to their speaker; a party's claims are
/// not stated as fact; its numbers and names come from those facts; its own voice has no loaded
/// language; and it neither reads as an instruction to a model nor repeats the writer's own
/// instructions (<paramref name="echo"/>, the LLM's prompt).
/// </summary>
/// <param name="support">
/// The meaning check; share the built-in writer's (<see cref="Writing.BuiltIn.BuiltInBriefingWriter"/>),
/// so a fact sheet is read once. Without one, the shipped checker with <paramref name="lexicon"/>.
/// </param>
public sealed partial class DraftVerifier(LoadedLexicon lexicon, InstructionEcho? echo = null, SheetSupport? support = null)
{
    private readonly InstructionEcho _echo = echo ?? InstructionEcho.None;
    private readonly SheetSupport _support = support ?? new SheetSupport(SheetSupport.Default.Checker, lexicon);

    private static readonly HashSet<string> CapitalisedCommonWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "That",
        "These", "Those", "Mr", "Mrs", "Ms", "Dr", "But", "And", "Both", "Neither", "According", "I", "We", "President",
        "Minister", "Secretary", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>Every sentence checked against the sheet; it stops when <paramref name="cancellationToken"/> fires, looking while it reads the sheet's names and before each sentence.</summary>
    public VerificationResult Verify(BriefingDraft draft, FactSheet sheet, CancellationToken cancellationToken = default)
    {
        _support.Prepare(sheet, cancellationToken);
        var problems = new List<SentenceProblem>();
        var headlineProblem = CheckHeadline(draft.Headline, draft.HeadlineFactIds, sheet);
        if (headlineProblem is not null)
        {
            problems.Add(new SentenceProblem(-1, -1, draft.Headline, "headline: " + headlineProblem.Reason, headlineProblem.Rule));
        }

        var removals = new List<CitationRemoval>();
        var checkedCount = 0;
        for (var s = 0; s < draft.Sections.Count; s++)
        {
            for (var i = 0; i < draft.Sections[s].Sentences.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (sentence, removed) = PruneCitations(draft.Sections[s].Sentences[i], sheet);
                removals.AddRange(removed.Select(r => new CitationRemoval(s, i, sentence.Text, r.FactId, r.Reason)));
                checkedCount++;
                var violation = Diagnose(sentence, sheet);
                if (violation is not null)
                {
                    problems.Add(new SentenceProblem(s, i, sentence.Text, violation.Reason, violation.Rule));
                }
            }
        }

        return new VerificationResult(problems, checkedCount) { RemovedCitations = removals };
    }

    /// <summary>Drops the sentences the verifier rejects and sections left empty.</summary>
    public (BriefingDraft Kept, VerificationResult Result) Keep(BriefingDraft draft, FactSheet sheet, CancellationToken cancellationToken = default)
    {
        var result = Verify(draft, sheet, cancellationToken);
        if (result.IsClean && result.RemovedCitations.Count == 0)
        {
            return (draft, result);
        }

        var rejected = result.Problems.Where(p => p.SectionIndex >= 0)
            .Select(p => (p.SectionIndex, p.SentenceIndex)).ToHashSet();
        var removed = result.RemovedCitations.ToLookup(r => (r.SectionIndex, r.SentenceIndex), r => r.FactId);
        var sections = draft.Sections
            .Select((s, si) => s with
            {
                Sentences = s.Sentences
                    .Select((sentence, i) => removed.Contains((si, i))
                        ? sentence with { FactIds = sentence.FactIds.Where(id => !removed[(si, i)].Contains(id, StringComparer.Ordinal)).ToList() }
                        : sentence)
                    .Where((_, i) => !rejected.Contains((si, i)))
                    .ToList(),
            })
            .Where(s => s.Sentences.Count > 0)
            .ToList();
        var headlineBad = result.Problems.Any(p => p.SectionIndex < 0);
        var headline = headlineBad && sections.Count > 0 ? sections[0].Sentences[0].Text : draft.Headline;
        var headlineFacts = headlineBad && sections.Count > 0 ? sections[0].Sentences[0].FactIds : draft.HeadlineFactIds;
        return (draft with { Headline = headline, HeadlineFactIds = headlineFacts, Sections = sections }, result);
    }

    /// <summary>One section with the sentences the verifier rejects dropped; null when none is left.</summary>
    public DraftSection? KeepSection(DraftSection section, FactSheet sheet)
    {
        var pruned = section.Sentences.Select(s => PruneCitations(s, sheet).Sentence).ToList();
        var kept = pruned.Where(s => Diagnose(s, sheet) is null).ToList();
        return kept.Count == 0 ? null : kept.SequenceEqual(section.Sentences) ? section : section with { Sentences = kept };
    }

    /// <summary>The first reason the sentence fails, or null when it passes.</summary>
    public string? Check(DraftSentence sentence, FactSheet sheet) => Diagnose(sentence, sheet)?.Reason;

    /// <summary>The first rule the sentence breaks, or null when it passes.</summary>
    public Violation? Diagnose(DraftSentence sentence, FactSheet sheet)
    {
        if (string.IsNullOrWhiteSpace(sentence.Text))
        {
            return new(VerificationRules.Empty, "empty sentence");
        }

        if (sentence.FactIds.Count == 0)
        {
            return new(VerificationRules.NoCitation, "cites no fact");
        }

        var cited = new List<Fact>();
        foreach (var id in sentence.FactIds)
        {
            var fact = sheet.FindFact(id);
            if (fact is null || fact.Kind != FactKind.Narrative)
            {
                return new(VerificationRules.UnknownFact, $"cites unknown fact '{id}'");
            }

            cited.Add(fact);
        }

        // "According to X, ..." where X is the outlet of what it cites: the rest is checked as any sentence.
        sentence = WithoutOutlet(sentence, cited, sheet);
        var source = Normalise(string.Join(" ", cited.Select(f => f.Text)));
        foreach (var quoted in QuoteRegions.QuotedStrings(sentence.Text))
        {
            if (!source.Contains(Normalise(quoted), StringComparison.Ordinal))
            {
                return new(VerificationRules.QuoteNotVerbatim, $"quote not verbatim in cited facts: “{Shorten(quoted)}”");
            }

            if (!IsAttributed(sentence, quoted, cited, sheet))
            {
                return new(VerificationRules.QuoteNotAttributed, $"quote not attributed to its speaker: “{Shorten(quoted)}”");
            }
        }

        var raw = Invisible.Strip(string.Join(" ", cited.Select(f => f.Text))).Replace('’', '\'');
        var text = sentence.Text.Replace('’', '\'');
        return CheckModelText(sentence.Text, raw)
            ?? CheckClaims(text, sentence.SpeakerKey, cited, sheet, [])
            ?? CheckVoice(sentence.Text)
            ?? CheckNumbersAndNames(text, raw, cited, sheet)
            ?? CheckSupport(sentence.Text, cited, sheet, null);
    }

    /// <summary>
    /// The headline's first broken rule, or null. It may use words of the facts it cites and of
    /// the articles' own titles.
    /// </summary>
    public Violation? CheckHeadline(string headline, IReadOnlyList<string> factIds, FactSheet sheet)
    {
        var cited = factIds.Select(sheet.FindFact).OfType<Fact>().Where(f => f.Kind == FactKind.Narrative).ToList();
        var titles = sheet.Articles.Select(a => a.Title).Where(t => !InstructionDetector.LooksLikeInstruction(t)).ToList();
        var raw = Invisible.Strip(string.Join(" ", cited.Select(f => f.Text).Concat(titles))).Replace('’', '\'');
        var text = headline.Replace('’', '\'');
        return CheckModelText(headline, raw)
            ?? CheckClaims(text, null, cited, sheet, titles)
            ?? CheckVoice(headline)
            ?? CheckNumbersAndNames(text, raw, cited, sheet)
            ?? CheckSupport(headline, cited, sheet, titles);
    }

    /// <summary>Text that talks to a model, or repeats the model's own instructions, is not news.</summary>
    private Violation? CheckModelText(string text, string source)
    {
        if (InstructionDetector.LooksLikeInstruction(text))
        {
            return new(VerificationRules.InstructionText, "reads as an instruction to a model");
        }

        return _echo.Find(text, source) is { } run
            ? new(VerificationRules.InstructionEcho, $"repeats the writer's instructions: '{run}'")
            : null;
    }

    private static Violation? CheckClaims(string text, string? speakerKey, List<Fact> cited, FactSheet sheet, IEnumerable<string> freeText) =>
        ClaimAttribution.FindUnattributed(OutsideQuotes(text), speakerKey, cited, sheet, freeText) is { } speaker
            ? new(VerificationRules.UnattributedClaim, $"states {speaker.DisplayName}'s words as fact without naming them")
            : null;

    private Violation? CheckVoice(string text)
    {
        var loaded = lexicon.FindOutsideQuotes(text);
        return loaded.Count > 0
            ? new(VerificationRules.LoadedLanguage, $"loaded language outside quotes: '{text[loaded[0].Start..loaded[0].End]}'")
            : null;
    }

    private static Violation? CheckNumbersAndNames(string text, string source, List<Fact> cited, FactSheet sheet)
    {
        var outside = OutsideQuotes(text);
        foreach (Match number in NumberPattern().Matches(outside))
        {
            if (!source.Contains(number.Value, StringComparison.Ordinal))
            {
                return new(VerificationRules.NumberNotInFacts, $"number not in cited facts: {number.Value}");
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

            return new(VerificationRules.NameNotInFacts, $"name not in cited facts: {w}");
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
        return speakers.Select(sheet.FindEntity).OfType<FactEntity>().Any(e => ClaimAttribution.Names(outside, e));
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
        Spaces().Replace(Invisible.Strip(s).Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'), " ")
            .Trim().Trim('"', '.', ',', ' ').ToLower(CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}]+")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
