using System.Numerics;
using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Duplicates;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>
/// A Bloom filter over the band keys in <c>article_bands</c>. Most new texts share no band with any
/// stored original; when none of a text's keys is in the filter, none is in the table either and the
/// candidate query (twelve index probes and two sorts) is skipped. A key that is in the filter is only
/// a "maybe": the table is asked as before, so the filter never changes which duplicates are found.
/// Deleted originals leave their bits set (a few more queries, never a missed match). Rebuilt from the
/// table at start; only the holder of the store's write lock touches it.
/// </summary>
internal sealed class SqliteBandFilter
{
    private const int Probes = 4;
    private readonly ulong[] _words;
    private readonly ulong _bitMask;

    /// <param name="mebibytes">Its size; 0 turns it off (every text is looked up).</param>
    public SqliteBandFilter(int mebibytes)
    {
        // A power of two of bits, so a probe is a mask, not a division.
        var bits = mebibytes <= 0 ? 0 : BitOperations.RoundUpToPowerOf2((ulong)mebibytes * 1024 * 1024 * 8);
        _words = new ulong[bits / 64];
        _bitMask = bits == 0 ? 0 : bits - 1;
    }

    public bool Enabled => _words.Length > 0;

    public bool Loaded { get; private set; }

    /// <summary>Keys added since start (loaded or written).</summary>
    public long Count { get; private set; }

    public void Add(long key)
    {
        if (!Enabled)
        {
            return;
        }

        var (position, step) = Hashes(key);
        for (var i = 0; i < Probes; i++, position += step)
        {
            var bit = position & _bitMask;
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }

        Count++;
    }

    /// <summary>False only when no key of <paramref name="keys"/> can be in the table.</summary>
    public bool MightContainAny(IReadOnlyList<long> keys)
    {
        if (!Enabled)
        {
            return true;
        }

        foreach (var key in keys)
        {
            if (MightContain(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds every key in the table (inside the write transaction, so nothing moves meanwhile).</summary>
    public async Task LoadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT band_key FROM article_bands";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Add(reader.GetInt64(0));
            }
        }

        Loaded = true;
    }

    private bool MightContain(long key)
    {
        var (position, step) = Hashes(key);
        for (var i = 0; i < Probes; i++, position += step)
        {
            var bit = position & _bitMask;
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // Double hashing: probe i is at h1 + i·h2. Band keys are hashes already; mixing again keeps the
    // probes independent of how they were made.
    private static (ulong Position, ulong Step) Hashes(long key)
    {
        var first = Hashing.Mix((ulong)key);
        return (first, Hashing.Mix(first ^ 0x9E3779B97F4A7C15UL) | 1);
    }
}
