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
    private readonly Dictionary<long, List<long>> _seqsByKey = [];
    private readonly Dictionary<long, long[]> _keysBySeq = [];

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
        _seqsByKey.Clear();
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
            if (!_seqsByKey.TryGetValue(key, out var seqs))
            {
                _seqsByKey[key] = seqs = new List<long>(1);
            }

            seqs.Add(seq);
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
            if (_seqsByKey.TryGetValue(key, out var seqs) && seqs.Remove(seq) && seqs.Count == 0)
            {
                _seqsByKey.Remove(key);
            }
        }
    }

    /// <summary>Adds, for each original held that has any of <paramref name="keys"/>, how many it has.</summary>
    public void CountShared(IReadOnlyList<long> keys, Dictionary<long, int> shared)
    {
        foreach (var key in keys.Distinct())
        {
            if (_seqsByKey.TryGetValue(key, out var seqs))
            {
                foreach (var seq in seqs)
                {
                    shared[seq] = shared.GetValueOrDefault(seq) + 1;
                }
            }
        }
    }

    /// <summary>Every (key, seq) held, in key order (the order that touches each index page once), and the highest seq.</summary>
    public (List<(long Key, long Seq)> Rows, long Through) Batch()
    {
        var rows = new List<(long Key, long Seq)>(_keysBySeq.Count * 12);
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
        _seqsByKey.Clear();
        _keysBySeq.Clear();
        IndexedThrough = through;
    }
}
