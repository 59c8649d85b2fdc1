using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Summaries.Language.Tagging;

/// <summary>
/// The shipped weights: for each feature that training gave a weight, 16 signed 16-bit weights
/// (one per entity label) times <see cref="Scale"/>, in an open-addressing table keyed by the
/// feature's 64-bit hash. The outside label's weights were subtracted from the others before
/// quantising — that leaves every decision unchanged — so it always scores zero and a feature's
/// weights are one 32-byte vector. A feature training never weighted is simply absent: no
/// collisions, and the table stays a few megabytes however many features the text shows.
/// </summary>
internal sealed class FeatureWeights
{
    public const int RowWidth = NerLabels.EntityLabels;

    /// <summary>Marks an empty slot; a feature hash of exactly zero is treated as unweighted.</summary>
    private const ulong Empty = 0;

    private readonly ulong[] keys;
    private readonly short[] values;
    private readonly int shift;
    private readonly int mask;

    private FeatureWeights(ulong[] keys, short[] values, float scale, int count)
    {
        this.keys = keys;
        this.values = values;
        Scale = scale;
        Count = count;
        mask = keys.Length - 1;
        shift = 64 - BitOperations.Log2((uint)keys.Length);
    }

    public float Scale { get; }

    /// <summary>How many features have weights.</summary>
    public int Count { get; }

    /// <summary>Builds the table from features and their 16 weights each (laid out feature by feature).</summary>
    public static FeatureWeights Create(IReadOnlyList<ulong> features, ReadOnlySpan<short> weights, float scale)
    {
        // Under 60% full, a miss (the common case: most features of new text were never weighted)
        // ends within a probe or two.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (features.Count * 5 / 3) + 1));
        var table = new FeatureWeights(new ulong[capacity], new short[capacity * RowWidth], scale, features.Count);
        for (var f = 0; f < features.Count; f++)
        {
            if (features[f] != Empty)
            {
                var slot = table.Find(features[f]);
                table.keys[slot] = features[f];
                weights.Slice(f * RowWidth, RowWidth).CopyTo(table.values.AsSpan(slot * RowWidth, RowWidth));
            }
        }

        return table;
    }

    /// <summary>
    /// Quantises float weights, <see cref="NerLabels.Count"/> per feature with the outside label last;
    /// features whose quantised weights are all zero are dropped.
    /// </summary>
    public static FeatureWeights Quantize(IReadOnlyList<ulong> features, ReadOnlySpan<float> weights)
    {
        var max = 0f;
        for (var f = 0; f < features.Count; f++)
        {
            var row = weights.Slice(f * NerLabels.Count, NerLabels.Count);
            for (var y = 0; y < RowWidth; y++)
            {
                max = Math.Max(max, Math.Abs(row[y] - row[NerLabels.Outside]));
            }
        }

        var scale = max == 0 ? 1f : max / short.MaxValue;
        var kept = new List<ulong>(features.Count);
        var quantized = new short[features.Count * RowWidth];
        for (var f = 0; f < features.Count; f++)
        {
            var row = weights.Slice(f * NerLabels.Count, NerLabels.Count);
            var destination = quantized.AsSpan(kept.Count * RowWidth, RowWidth);
            for (var y = 0; y < RowWidth; y++)
            {
                destination[y] = (short)Math.Round((row[y] - row[NerLabels.Outside]) / scale);
            }

            if (destination.ContainsAnyExcept((short)0))
            {
                kept.Add(features[f]);
            }
        }

        return Create(kept, quantized.AsSpan(0, kept.Count * RowWidth), scale);
    }

    /// <summary>Every weighted feature and its weights, in ascending hash order.</summary>
    public IEnumerable<(ulong Feature, short[] Weights)> Entries()
    {
        var slots = Enumerable.Range(0, keys.Length).Where(s => keys[s] != Empty).OrderBy(s => keys[s]);
        foreach (var slot in slots)
        {
            yield return (keys[slot], values.AsSpan(slot * RowWidth, RowWidth).ToArray());
        }
    }

    /// <summary>Sums the weights of one token's features into <paramref name="scores"/> (<see cref="NerLabels.Count"/> floats).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ref var weights = ref MemoryMarshal.GetArrayDataReference(values);
        var lower = Vector256<int>.Zero;
        var upper = Vector256<int>.Zero;
        foreach (var feature in features)
        {
            var slot = (int)(feature >> shift);
            while (true)
            {
                var key = keys[slot];
                if (key == feature)
                {
                    var v = Vector256.LoadUnsafe(ref Unsafe.Add(ref weights, (nint)slot * RowWidth));
                    var (lo, hi) = Vector256.Widen(v);
                    lower += lo;
                    upper += hi;
                    break;
                }

                if (key == Empty)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        var scale = Vector256.Create(Scale);
        ref var destination = ref MemoryMarshal.GetReference(scores);
        (Vector256.ConvertToSingle(lower) * scale).StoreUnsafe(ref destination);
        (Vector256.ConvertToSingle(upper) * scale).StoreUnsafe(ref Unsafe.Add(ref destination, 8));
        scores[NerLabels.Outside] = 0;
    }

    /// <summary>The slot holding <paramref name="feature"/>, or the empty slot where it would go.</summary>
    private int Find(ulong feature)
    {
        var slot = (int)(feature >> shift);
        while (keys[slot] != Empty && keys[slot] != feature)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }
}
