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
/// <remarks>
/// The number of locks one transaction holds is bounded: PostgreSQL keeps advisory locks in a
/// lock table shared by every database on the server (about max_locks_per_transaction × connections
/// slots), and an article naming some thousands of people used to exhaust it ("out of shared
/// memory"). Every registration first takes one registry-wide lock: shared when its keys are at
/// most <see cref="MaxKeys"/> (then the keys follow, so unrelated registrations still run in
/// parallel), exclusive when there are more (then that one lock covers every key, and the
/// registration waits for, and holds off, all others). Either way a transaction holds at most
/// <see cref="MaxKeys"/> + 1 locks, and two registrations that share a key still conflict.
/// </remarks>
internal static class RegistryLocks
{
    /// <summary>
    /// The most bucket locks one registration takes; past it, the registry-wide lock is taken
    /// exclusively instead. An ordinary article (tens of entities) stays well under it.
    /// </summary>
    public const int MaxKeys = 256;

    // Keys are hashed into buckets: a collision only makes two registrations take turns.
    private const int Buckets = 1 << 16;

    /// <summary>
    /// Locks are 64-bit: the current schema's hash in the high half, so tests (and services) in
    /// other schemas never contend, and the key, tagged, in the low half. The registry-wide lock is
    /// taken first (its own statement, before the buckets), shared when <c>@keys</c> holds buckets.
    /// </summary>
    public const string RegistryLockSql = """
        SELECT CASE WHEN cardinality(@keys) > 0
                    THEN pg_advisory_xact_lock_shared((hashtext(current_schema())::bigint << 32) | @registry)
                    ELSE pg_advisory_xact_lock((hashtext(current_schema())::bigint << 32) | @registry) END
        """;

    /// <summary>The bucket locks, in ascending order.</summary>
    public const string KeysLockSql =
        "SELECT count(pg_advisory_xact_lock((hashtext(current_schema())::bigint << 32) | k)) FROM unnest(@keys) AS k";

    /// <summary>The registry-wide lock's low half.</summary>
    public const long Registry = Tag - 1;

    private const long Tag = 0x5EE0_0000L;

    /// <summary>
    /// The low halves of the bucket locks to take, ascending and distinct; empty when there are more
    /// than <see cref="MaxKeys"/>, which means the registry-wide lock is taken exclusively.
    /// </summary>
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

            if (keys.Count > MaxKeys)
            {
                return [];
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
