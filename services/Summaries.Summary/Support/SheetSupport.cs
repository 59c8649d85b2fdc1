using System.Runtime.CompilerServices;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Text;

namespace Summaries.Summary.Support;

/// <summary>
/// The support checker over a fact sheet: whether some of its facts support a sentence, with the
/// entities' name forms, what the annotations link to each fact, and the neutral rewording of
/// loaded words. A sheet's facts are prepared once and kept while the sheet lives.
/// </summary>
public sealed class SheetSupport(SupportChecker checker, LoadedLexicon loaded)
{
    private static readonly Lazy<SheetSupport> Shipped = new(() => new SheetSupport(SupportChecker.LoadDefault(), LoadedLexicon.LoadDefault()));

    private readonly ConditionalWeakTable<FactSheet, Prepared> _sheets = new();

    /// <summary>The checker with the shipped lexicons and model (immutable, so one serves every caller).</summary>
    public static SheetSupport Default => Shipped.Value;

    public SupportChecker Checker => checker;

    /// <summary>
    /// Reads the sheet's entities' name forms now, looking at <paramref name="cancellationToken"/>
    /// entity by entity (a sheet can hold tens of thousands: most of a second), so the stages that
    /// check against the sheet can stop there; every later check on the sheet reuses them.
    /// </summary>
    public void Prepare(FactSheet sheet, CancellationToken cancellationToken) => PreparedFor(sheet, cancellationToken);

    /// <summary>The checker's verdict on the sentence against these facts (and free text, e.g. titles) together.</summary>
    /// <param name="core">Check only the sentence's core (see <see cref="SupportChecker.Check"/>).</param>
    public SupportVerdict Check(string sentence, IReadOnlyList<Fact> cited, FactSheet sheet, IReadOnlyList<string>? freeText = null, bool core = false)
    {
        var prepared = PreparedFor(sheet);
        var sources = cited.Select(prepared.Source).ToList();
        var linked = cited.SelectMany(prepared.Linked).ToHashSet(StringComparer.Ordinal);
        foreach (var text in freeText ?? [])
        {
            sources.Add(checker.Prepare(text));
        }

        return checker.Check(sentence, sources, prepared.Names, linked, core);
    }

    /// <summary>
    /// Cite-free: the narrative facts that best support the claim, and the verdict. The claim is
    /// decided on the chosen facts with what the annotations link to them (as a citation would be),
    /// and with the names their pronouns may stand for from the sentences before.
    /// </summary>
    public (SupportVerdict Verdict, IReadOnlyList<Fact> Facts) Find(string claim, FactSheet sheet)
    {
        var prepared = PreparedFor(sheet);
        var (document, facts) = prepared.Document();
        var found = checker.Find(claim, document, prepared.Names);
        var chosen = found.Sources.Select(i => facts[i]).ToList();
        if (found.Supported || chosen.Count == 0)
        {
            return (found, chosen);
        }

        var cited = Check(claim, chosen, sheet);
        return (cited.Supported ? cited : found, chosen);
    }

    // A build that the token stopped is not kept: the next caller builds it again.
    private Prepared PreparedFor(FactSheet sheet, CancellationToken cancellationToken = default) =>
        _sheets.GetValue(sheet, s => new Prepared(s, checker, loaded, cancellationToken));

    /// <summary>A sheet's facts as the checker reads them, and its entities' name forms.</summary>
    private sealed class Prepared(FactSheet sheet, SupportChecker checker, LoadedLexicon loaded, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, SupportSource> _facts = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();
        private readonly Dictionary<string, IReadOnlyList<string>> _linked = new(StringComparer.Ordinal);
        private (SupportDocument, IReadOnlyList<Fact>)? _document;

        /// <summary>The narrative facts in sheet order, prepared as one document for the cite-free mode.</summary>
        public (SupportDocument Document, IReadOnlyList<Fact> Facts) Document()
        {
            lock (_gate)
            {
                if (_document is null)
                {
                    var facts = sheet.Facts.Where(f => f.Kind == FactKind.Narrative).ToList();
                    _document = (checker.PrepareDocument(facts.Select(f => Invisible.Strip(f.Text))), facts);
                }

                return _document.Value;
            }
        }

        public NameForms Names { get; } = new(
            sheet.Entities.Select(e =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return new EntityForms([e.DisplayName, .. e.Aliases], e.Roles);
            }),
            checker.Lexicon);

        /// <summary>
        /// Keys the annotation and the neutral rewording give the fact beyond its own words: the
        /// names of the entities mentioned in it and of its quotes' speakers, a reporting verb when
        /// it holds a quote, and the neutral replacement of each loaded word it uses ("slammed" →
        /// "criticised"), which the built-in engine writes in its place.
        /// </summary>
        public IReadOnlyList<string> Linked(Fact fact)
        {
            lock (_gate)
            {
                if (!_linked.TryGetValue(fact.Id, out var keys))
                {
                    keys = LinkedKeys(fact).Distinct(StringComparer.Ordinal).ToList();
                    _linked[fact.Id] = keys;
                }

                return keys;
            }
        }

        private IEnumerable<string> LinkedKeys(Fact fact)
        {
            var quotes = sheet.QuotesIn(fact.Id).ToList();
            var names = fact.EntityKeys.Concat(quotes.Select(q => q.SpeakerKey))
                .Select(sheet.FindEntity).OfType<FactEntity>()
                .SelectMany(e => e.Aliases.Append(e.DisplayName));
            var replacements = loaded.FindAll(fact.Text).Select(m => m.Term.Replacement).OfType<string>();
            var reporting = quotes.Count > 0 ? ["said"] : Array.Empty<string>();
            return checker.Lexicon.KeysOf(names.Concat(replacements).Concat(reporting));
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
