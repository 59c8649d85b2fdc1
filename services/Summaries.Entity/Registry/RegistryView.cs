using Summaries.Language;

namespace Summaries.Entity.Registry;

/// <summary>A registry row as registration sees it.</summary>
internal sealed record EntityRow(string Name, string DisplayName, EntityKind Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles);

/// <summary>
/// The first and last registered name (byte-wise) listing a lookup: an alias of a kind, or a person
/// name key. Two are enough to tell one entity from several without fetching every one.
/// </summary>
internal sealed record Listing(string Lookup, EntityKind Kind, string First, string Last);

/// <summary>A short-named row merged into the fuller person it names: its old name now answers with the canonical one.</summary>
internal sealed record EntityMerge(string From, string Into, IReadOnlyList<string> RemovedAliases, IReadOnlyList<string> RemovedKeys);

/// <summary>
/// What a registration reads from the store before planning: the rows its entities could match, the
/// listings of their aliases and person keys, and where merged names now point.
/// </summary>
internal sealed record RegistryView(
    IReadOnlyList<EntityRow> Rows,
    IReadOnlyList<Listing> Aliases,
    IReadOnlyList<Listing> PersonKeys,
    IReadOnlyDictionary<string, string> Merged)
{
    public static RegistryView Of(IEnumerable<EntityRow> rows) => new(rows.ToList(), [], [], new Dictionary<string, string>());
}
