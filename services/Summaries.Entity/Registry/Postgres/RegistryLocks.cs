using Summaries.Language;

namespace Summaries.Entity.Registry.Postgres;

/// <summary>
/// Which registrations must not run at the same time. Two registrations conflict when one could
/// change what the other's resolution reads: a new row under a name the other looks up, or an
/// alias the other looks for, a person key both read or write (a short name and a fuller one it
/// fits). Each takes transaction-scoped advisory locks on the names and
/// aliases it reads or writes, and on its article (so re-annotating one article twice at once
/// cannot double its counts), always in ascending order, so waits never form a cycle.
/// Registrations of unrelated entities run in parallel.
/// </summary>
internal static class RegistryLocks
{
    // Keys are hashed into buckets: a collision only makes two registrations take turns.
    private const int Buckets = 1 << 16;

    /// <summary>
    /// Locks are 64-bit: the current schema's hash in the high half, so tests (and services) in
    /// other schemas never contend, and this bucket, tagged, in the low half.
    /// </summary>
    public const string LockSql =
        "SELECT count(pg_advisory_xact_lock((hashtext(current_schema())::bigint << 32) | k)) FROM unnest(@keys) AS k";

    private const long Tag = 0x5EE0_0000L;

    /// <summary>The low halves of the lock keys, ascending and distinct.</summary>
    public static long[] Keys(string articleName, IReadOnlyList<EntityInfo> entities)
    {
        var keys = new SortedSet<long> { Key("a:" + articleName) };
        foreach (var e in entities)
        {
            keys.Add(Key("n:" + EntityNames.For(e.Kind, e.DisplayName)));
            keys.Add(Key("s:" + e.DisplayName));
            foreach (var alias in e.Aliases)
            {
                keys.Add(Key("s:" + alias));
            }

            if (e.Kind == EntityKind.Person)
            {
                // A short name and a fuller one it fits share a person key, so they take turns; a fuller
                // name also locks its short forms' rows and aliases, which adopting them rewrites.
                foreach (var key in PersonNameForms.KeysOf(e.DisplayName).Append(PersonNameForms.LookupKey(e.DisplayName)).OfType<string>())
                {
                    keys.Add(Key("k:" + key));
                }

                foreach (var form in PersonNameForms.ShortFormsOf(e.DisplayName))
                {
                    keys.Add(Key("n:" + EntityNames.For(EntityKind.Person, form)));
                    keys.Add(Key("s:" + form));
                }
            }
        }

        return [.. keys];
    }

    // FNV-1a: stable across processes and releases (string.GetHashCode is not).
    private static long Key(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Tag | (hash % Buckets);
    }
}
