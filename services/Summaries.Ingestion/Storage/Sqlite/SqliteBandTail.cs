using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace Summaries.Ingestion.Storage.Sqlite;

/// <summary>
/// The band keys of the originals stored since the last batch went into <c>article_bands</c> (rows
/// above <c>article_band_state.indexed_through</c>; each keeps its keys in <c>articles.band_keys</c>),
/// held in memory and searched beside the table. Band keys are random, so twelve inserts into that
/// index dirtied up to twelve pages per article, each written to the WAL and again at checkpoint;
/// a batch of thousands, written in key order in one transaction, dirties each page once. Rebuilt
/// from the rows at start, so a crash loses nothing. Only the holder of the store's write lock
/// touches it (SQLite has one writer; this process is it).
/// </summary>
internal sealed class SqliteBandTail
{
    // The first original with each key, and the rare further ones (near-duplicates share keys) apart:
    // no object per key. The tables live until a batch is indexed (thousands of articles), long enough
    // for the GC to promote them, so what they allocate per article stays as old garbage afterwards.
    private readonly Dictionary<long, long> _firstSeqByKey = [];
    private readonly Dictionary<long, List<long>> _moreSeqsByKey = [];
    private readonly Dictionary<long, long[]> _keysBySeq = [];
    private readonly List<(long Key, long Seq)> _batchRows = [];

    public bool Loaded { get; private set; }

    /// <summary>Originals up to this sequence have their keys in <c>article_bands</c>.</summary>
    public long IndexedThrough { get; private set; }

    /// <summary>Originals held.</summary>
    public int Count => _keysBySeq.Count;

    public static byte[] Encode(IReadOnlyList<long> keys)
    {
        var bytes = new byte[keys.Count * sizeof(long)];
        for (var i = 0; i < keys.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), keys[i]);
        }

        return bytes;
    }

    public static long[] Decode(ReadOnlySpan<byte> bytes)
    {
        var keys = new long[bytes.Length / sizeof(long)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * sizeof(long))..]);
        }

        return keys;
    }

    /// <summary>Reads the watermark and the originals above it; inside the write transaction, so nothing moves meanwhile.</summary>
    public async Task LoadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        _firstSeqByKey.Clear();
        _moreSeqsByKey.Clear();
        _keysBySeq.Clear();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT indexed_through FROM article_band_state;
            SELECT seq, band_keys FROM articles
            WHERE seq > (SELECT indexed_through FROM article_band_state) AND band_keys IS NOT NULL;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        IndexedThrough = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Add(reader.GetInt64(0), Decode(reader.GetFieldValue<byte[]>(1)));
        }

        Loaded = true;
    }

    public void Add(long seq, IReadOnlyList<long> keys)
    {
        var distinct = keys.Distinct().ToArray();
        _keysBySeq[seq] = distinct;
        foreach (var key in distinct)
        {
            if (!_firstSeqByKey.TryAdd(key, seq))
            {
                if (!_moreSeqsByKey.TryGetValue(key, out var more))
                {
                    _moreSeqsByKey[key] = more = new List<long>(1);
                }

                more.Add(seq);
            }
        }
    }

    public void Remove(long seq)
    {
        if (!_keysBySeq.Remove(seq, out var keys))
        {
            return;
        }

        foreach (var key in keys)
        {
            var more = _moreSeqsByKey.GetValueOrDefault(key);
            if (_firstSeqByKey.TryGetValue(key, out var first) && first == seq)
            {
                // The next original with the key, if any, becomes the first.
                if (more is { Count: > 0 })
                {
                    _firstSeqByKey[key] = more[0];
                    more.RemoveAt(0);
                }
                else
                {
                    _firstSeqByKey.Remove(key);
                }
            }
            else
            {
                more?.Remove(seq);
            }

            if (more is { Count: 0 })
            {
                _moreSeqsByKey.Remove(key);
            }
        }
    }

    /// <summary>Adds, for each original held that has any of <paramref name="keys"/>, how many it has.</summary>
    public void CountShared(IReadOnlyList<long> keys, Dictionary<long, int> shared)
    {
        foreach (var key in keys.Distinct())
        {
            if (_firstSeqByKey.TryGetValue(key, out var first))
            {
                shared[first] = shared.GetValueOrDefault(first) + 1;
                foreach (var seq in _moreSeqsByKey.GetValueOrDefault(key) ?? [])
                {
                    shared[seq] = shared.GetValueOrDefault(seq) + 1;
                }
            }
        }
    }

    /// <summary>Every (key, seq) held, in key order (the order that touches each index page once), and the highest seq.</summary>
    /// <remarks>The list is reused by the next batch: read it before calling <see cref="Batch"/> again.</remarks>
    public (List<(long Key, long Seq)> Rows, long Through) Batch()
    {
        var rows = _batchRows;
        rows.Clear();
        foreach (var (seq, keys) in _keysBySeq)
        {
            foreach (var key in keys)
            {
                rows.Add((key, seq));
            }
        }

        rows.Sort();
        return (rows, _keysBySeq.Count == 0 ? IndexedThrough : _keysBySeq.Keys.Max());
    }

    /// <summary>After the batch from <see cref="Batch"/> committed: all of it is in the table now.</summary>
    public void Indexed(long through)
    {
        _firstSeqByKey.Clear();
        _moreSeqsByKey.Clear();
        _keysBySeq.Clear();
        IndexedThrough = through;
    }
}
