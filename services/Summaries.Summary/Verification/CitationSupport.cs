using System.Runtime.CompilerServices;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;

namespace Summaries.Summary.Verification;

/// <summary>A citation the verifier took off a sentence because its fact does not support the sentence.</summary>
public sealed record CitationRemoval(int SectionIndex, int SentenceIndex, string Sentence, string FactId, string Reason);

/// <summary>
/// The meaning check of the verifier: whether a sentence's cited facts support what it says
/// (<see cref="SupportChecker"/>), and which of its citations do. A fact sheet's sentences are
/// prepared once and kept while the sheet lives.
/// </summary>
public sealed class CitationSupport(SupportChecker checker, LoadedLexicon loaded)
{
    private readonly ConditionalWeakTable<FactSheet, Prepared> _sheets = new();

    public SupportChecker Checker => checker;

    /// <summary>The checker's verdict on the sentence against these facts (and free text, e.g. titles) together.</summary>
    public SupportVerdict Check(string sentence, IReadOnlyList<Fact> cited, FactSheet sheet, IReadOnlyList<string>? freeText = null)
    {
        var prepared = _sheets.GetValue(sheet, s => new Prepared(s, checker, loaded));
        var sources = cited.Select(prepared.Source).ToList();
        var linked = cited.SelectMany(prepared.Linked).ToHashSet(StringComparer.Ordinal);
        foreach (var text in freeText ?? [])
        {
            sources.Add(checker.Prepare(text));
        }

        return checker.Check(sentence, sources, prepared.Names, linked);
    }

    /// <summary>
    /// The citations that support the sentence: each fact that supports it alone; when none does
    /// alone but all together do, each fact the joint support needs. The others come back with the
    /// reason, to be removed.
    /// </summary>
    public (IReadOnlyList<string> Kept, IReadOnlyList<(string FactId, string Reason)> Removed) Prune(
        string sentence, IReadOnlyList<Fact> cited, FactSheet sheet)
    {
        var ids = cited.Select(f => f.Id).ToList();
        if (cited.Count < 2)
        {
            return (ids, []);
        }

        var alone = cited.Select(f => Check(sentence, [f], sheet)).ToList();
        var kept = cited.Where((_, i) => alone[i].Supported).ToList();
        if (kept.Count == 0)
        {
            if (!Check(sentence, cited, sheet).Supported)
            {
                // Nothing supports it: the sentence itself is rejected, with all it cited.
                return (ids, []);
            }

            kept = cited.Where(f => !Check(sentence, cited.Where(o => o != f).ToList(), sheet).Supported).ToList();
            if (kept.Count == 0)
            {
                kept = [cited[0]];
            }
        }

        var removed = cited.Select((f, i) => (f, i)).Where(x => !kept.Contains(x.f))
            .Select(x => (x.f.Id, alone[x.i].Failure is { } failure
                ? $"{SupportFailureNames.Of(failure.Kind)}: {failure.Reason}"
                : "not needed for the sentence"))
            .ToList();
        return (kept.Select(f => f.Id).ToList(), removed);
    }

    /// <summary>A sheet's facts as the checker reads them, and its entities' name forms.</summary>
    private sealed class Prepared(FactSheet sheet, SupportChecker checker, LoadedLexicon loaded)
    {
        private readonly Dictionary<string, SupportSource> _facts = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public NameForms Names { get; } = new(
            sheet.Entities.Select(e => new EntityForms([e.DisplayName, .. e.Aliases], e.Roles)), checker.Lexicon);

        /// <summary>
        /// Keys the annotation and the neutral rewording give the fact beyond its own words: the
        /// names of the entities mentioned in it and of its quotes' speakers, a reporting verb when
        /// it holds a quote, and the neutral replacement of each loaded word it uses ("slammed" →
        /// "criticised"), which the built-in engine writes in its place.
        /// </summary>
        public IEnumerable<string> Linked(Fact fact)
        {
            var quotes = sheet.QuotesIn(fact.Id).ToList();
            var names = fact.EntityKeys.Concat(quotes.Select(q => q.SpeakerKey))
                .Select(sheet.FindEntity).OfType<FactEntity>()
                .SelectMany(e => e.Aliases.Append(e.DisplayName));
            var replacements = loaded.FindAll(fact.Text).Select(m => m.Term.Replacement).OfType<string>();
            var reporting = quotes.Count > 0 ? ["said"] : Array.Empty<string>();
            return names.Concat(replacements).Concat(reporting)
                .SelectMany(n => SupportText.Tokens(n, checker.Lexicon))
                .Where(t => !checker.Lexicon.Function.Contains(t.Lower))
                .Select(t => t.Key);
        }

        public SupportSource Source(Fact fact)
        {
            lock (_gate)
            {
                if (!_facts.TryGetValue(fact.Id, out var source))
                {
                    source = checker.Prepare(Invisible.Strip(fact.Text));
                    _facts[fact.Id] = source;
                }

                return source;
            }
        }
    }
}
