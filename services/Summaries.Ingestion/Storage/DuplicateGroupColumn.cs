namespace Summaries.Ingestion.Storage;

/// <summary>
/// How both stores keep an article's near-duplicate group: the <c>story</c> column holds
/// <c>stories/{group id}</c>, the form groups were named in before they became
/// <c>duplicateGroups/{group}</c>. Keeping the stored form spares rewriting every row; the domain
/// sees only the group id.
/// </summary>
internal static class DuplicateGroupColumn
{
    private const string Prefix = "stories/";

    public static string Key(string groupId) => Prefix + groupId;

    /// <summary>The group id in a stored key; empty stays empty (a row the backfill has not reached).</summary>
    public static string GroupId(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : key;
}
