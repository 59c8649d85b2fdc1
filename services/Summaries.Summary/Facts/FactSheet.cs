
namespace Summaries.Summary.Facts;

/// <summary>What kind of source sentence a fact is.</summary>
public enum FactKind
{
    /// <summary>Ordinary narrative or reporting sentence.</summary>
    Narrative,

    /// <summary>A photo caption or credit line; never used as a claim.</summary>
    Caption,

    /// <summary>Text addressed to an AI model rather than to readers; never used or sent to a model.</summary>
    Instruction,
}

/// <summary>One source sentence with a stable id ("a1.s4": article 1, sentence 4).</summary>
public sealed record Fact(
    string Id,
    string ArticleName,
    int SentenceIndex,
    int Start,
    int End,
    string Text,
    FactKind Kind,
    int Position,
    IReadOnlyList<string> EntityKeys);

/// <summary>A canonical entity across the sources; Key is the registry name when known.</summary>
public sealed record FactEntity(
    string Key,
    string DisplayName,
    EntityKind Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    double Salience);

/// <summary>
/// A quote with its speaker. Start/End are offsets inside the fact's text (not the article), so a
/// writer can keep the quoted words verbatim.
/// </summary>
public sealed record FactQuote(
    string FactId,
    string SpeakerKey,
    string Text,
    bool Direct,
    string Cue,
    int Start,
    int End,
    int SpeakerStart,
    int SpeakerEnd,
    string SpeakerText);

/// <summary>An article summarised by a fact sheet.</summary>
public sealed record FactArticle(string Ref, string ArticleName, string Title, string Source, DateTimeOffset? PublishTime);

/// <summary>
/// The only material a writer may use: salient sentences with ids, entities with roles, and
/// quotes with speakers. Keeping the writer to this sheet is what makes every claim citable.
/// </summary>
public sealed record FactSheet(
    IReadOnlyList<FactArticle> Articles,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<FactEntity> Entities,
    IReadOnlyList<FactQuote> Quotes)
{
    private readonly Dictionary<string, Fact> _byId = Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, FactEntity> _entities = Entities.ToDictionary(e => e.Key, StringComparer.Ordinal);

    public Fact? FindFact(string id) => _byId.GetValueOrDefault(id);

    public FactEntity? FindEntity(string key) => _entities.GetValueOrDefault(key);

    public IEnumerable<FactQuote> QuotesIn(string factId) => Quotes.Where(q => q.FactId == factId);
}
