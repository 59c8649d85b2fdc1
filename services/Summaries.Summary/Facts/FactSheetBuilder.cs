using Summaries.Summary.Sources;

namespace Summaries.Summary.Facts;

/// <summary>Turns gathered sources into the fact sheet every writer works from.</summary>
public sealed class FactSheetBuilder
{
    /// <summary>The fact sheet; it stops when <paramref name="cancellationToken"/> fires, looking at it before every entity and sentence.</summary>
    public FactSheet Build(IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken = default)
    {
        var articles = new List<FactArticle>();
        var facts = new List<Fact>();
        var quotes = new List<FactQuote>();
        var entities = new Dictionary<string, EntityAccumulator>(StringComparer.Ordinal);

        // First every article's entities, so a person named in full in one article can take in a
        // shorter name for them in another (PersonNames); then the facts and quotes, with merged keys.
        var globalKeys = sources.SelectMany(doc => doc.Annotation.Entities).Select(e => (GlobalKey(e), e.DisplayName, Type: Kind(e.Type))).ToList();
        var merges = PersonNames.Merges(globalKeys, cancellationToken);
        var firstByKey = new Dictionary<string, (string Key, string DisplayName, EntityKind Type)>(StringComparer.Ordinal);
        foreach (var global in globalKeys)
        {
            firstByKey.TryAdd(global.Item1, global);
        }
        for (var d = 0; d < sources.Count; d++)
        {
            var doc = sources[d];
            var articleRef = $"a{d + 1}";
            articles.Add(new FactArticle(articleRef, doc.ArticleName, doc.Title, doc.Source, doc.PublishTime));

            var keyMap = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in doc.Annotation.Entities)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = merges.GetValueOrDefault(GlobalKey(e)) ?? GlobalKey(e);
                keyMap[e.Key] = key;
                if (!entities.TryGetValue(key, out var acc))
                {
                    var full = merges.ContainsKey(GlobalKey(e)) ? firstByKey[key] : (key, e.DisplayName, Type: Kind(e.Type));
                    // A merged name takes the fuller name's type too ("Mr Reid" typed an organisation joins the person "John Reid").
                    acc = new EntityAccumulator(key, full.DisplayName, full.Type);
                    entities[key] = acc;
                }

                acc.Add(e, sources.Count);
            }

            var docFacts = BuildFacts(doc, articleRef, keyMap, cancellationToken);
            facts.AddRange(docFacts);
            quotes.AddRange(BuildQuotes(doc, docFacts, keyMap));
        }

        return new FactSheet(
            articles,
            facts,
            entities.Values.Select(a => a.ToFactEntity()).OrderByDescending(e => e.Salience).ToList(),
            quotes);
    }

    private static string GlobalKey(AnnotatedEntity e) =>
        !string.IsNullOrEmpty(e.EntityName) ? e.EntityName : $"{e.Type}:{e.DisplayName}";

    private static List<Fact> BuildFacts(SourceDocument doc, string articleRef, Dictionary<string, string> keyMap, CancellationToken cancellationToken)
    {
        var sentences = doc.Annotation.Sentences.OrderBy(s => s.Start).ToList();
        var mentionsBySentence = doc.Annotation.Mentions.ToLookup(m => m.SentenceIndex);
        var facts = new List<Fact>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            // Every sentence: one can be thousands of characters, and the detectors below read them all.
            cancellationToken.ThrowIfCancellationRequested();
            var s = sentences[i];
            var wholeParagraph = IsParagraphBoundary(doc.Body, s.Start, before: true)
                && IsParagraphBoundary(doc.Body, s.End, before: false);
            var kind = InstructionDetector.LooksLikeInstruction(s.Text) ? FactKind.Instruction
                : CaptionDetector.IsCaption(s.Text, wholeParagraph) ? FactKind.Caption
                : FactKind.Narrative;
            var keys = mentionsBySentence[s.Index]
                .Where(m => keyMap.ContainsKey(m.EntityKey))
                .Select(m => keyMap[m.EntityKey])
                .Distinct(StringComparer.Ordinal)
                .ToList();
            facts.Add(new Fact($"{articleRef}.s{s.Index}", doc.ArticleName, s.Index, s.Start, s.End, s.Text, kind, i, keys));
        }

        return facts;
    }

    private static IEnumerable<FactQuote> BuildQuotes(SourceDocument doc, List<Fact> facts, Dictionary<string, string> keyMap)
    {
        foreach (var q in doc.Annotation.Quotes)
        {
            var fact = facts.FirstOrDefault(f => q.Start >= f.Start && q.Start < f.End);
            if (fact is null || string.IsNullOrEmpty(q.SpeakerKey) || !keyMap.TryGetValue(q.SpeakerKey, out var speaker))
            {
                continue;
            }

            var start = q.Start - fact.Start;
            var end = Math.Min(q.End, fact.End) - fact.Start;
            var inFact = q.SpeakerStart >= fact.Start && q.SpeakerEnd <= fact.End;
            yield return new FactQuote(
                fact.Id,
                speaker,
                fact.Text[start..end],
                q.Direct,
                q.Cue,
                start,
                end,
                inFact ? q.SpeakerStart - fact.Start : -1,
                inFact ? q.SpeakerEnd - fact.Start : -1,
                q.SpeakerText);
        }
    }

    private static bool IsParagraphBoundary(string body, int index, bool before)
    {
        if (before)
        {
            var i = index - 1;
            while (i >= 0 && body[i] is ' ' or '\t')
            {
                i--;
            }

            return i < 0 || body[i] == '\n';
        }

        var j = index;
        while (j < body.Length && body[j] is ' ' or '\t')
        {
            j++;
        }

        return j >= body.Length || body[j] is '\n' or '\r';
    }

    private static EntityKind Kind(AnnotatedEntityType type) => type switch
    {
        AnnotatedEntityType.Person => EntityKind.Person,
        AnnotatedEntityType.Organization => EntityKind.Organization,
        AnnotatedEntityType.Location => EntityKind.Location,
        AnnotatedEntityType.Misc => EntityKind.Misc,
        _ => EntityKind.Unspecified,
    };

    /// <summary>Merges one entity's appearances across articles.</summary>
    private sealed class EntityAccumulator(string key, string displayName, EntityKind type)
    {
        private readonly List<string> _aliases = [];
        private readonly List<string> _roles = [];
        private double _salience;

        public void Add(AnnotatedEntity e, int articleCount)
        {
            foreach (var alias in e.Aliases.Where(a => !_aliases.Contains(a, StringComparer.Ordinal)))
            {
                _aliases.Add(alias);
            }

            foreach (var role in e.Roles.Where(r => !_roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                _roles.Add(role);
            }

            _salience += e.Salience / Math.Max(1, articleCount);
        }

        public FactEntity ToFactEntity() => new(key, displayName, type, _aliases, _roles, Math.Round(_salience, 4));
    }
}
