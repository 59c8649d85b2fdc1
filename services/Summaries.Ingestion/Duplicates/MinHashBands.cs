using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Summaries.Ingestion.Duplicates;

/// <summary>
/// Locality-sensitive band keys from a MinHash signature of the shingles: 12 bands of 2 minimums.
/// Two texts share at least one band key with probability 1 − (1 − J²)¹², J being their Jaccard
/// similarity: 97% at J = 0.5, 99.98% at 0.7 (edited copies score about 0.9), 68% at 0.3, 11% at 0.1,
/// 0.5% at 0.02 (unrelated articles). Few bands keep the cost of storing an original low: each band
/// key is one random insert into an index, the dominant cost of an insert. Stored keys must keep their
/// meaning, so the functions below never change; only how fast they are computed may.
/// </summary>
public static class MinHashBands
{
    public const int Bands = 12;
    public const int Rows = 2;

    private const int Functions = Bands * Rows;

    // Odd multipliers and random offsets: x → a·x + b (mod 2⁶⁴) is a permutation of 64-bit values, and
    // shingle hashes are already well mixed, so its minimum is a fair MinHash at a multiply-add a value.
    private static readonly ulong[] Multipliers = MakeFunctions(0x5EED_0000UL, odd: true);
    private static readonly ulong[] Offsets = MakeFunctions(0xB0B0_0000UL, odd: false);

    /// <summary>One key per band; empty when there are no shingles (such a text is never a near-duplicate).</summary>
    public static long[] Of(ReadOnlySpan<ulong> shingles) => Of(shingles, vectorized: Vector256.IsHardwareAccelerated);

    /// <summary><paramref name="vectorized"/> false computes the minimums one function at a time; tests compare both.</summary>
    internal static long[] Of(ReadOnlySpan<ulong> shingles, bool vectorized)
    {
        if (shingles.IsEmpty)
        {
            return [];
        }

        Span<ulong> minimums = stackalloc ulong[Functions];
        if (vectorized)
        {
            MinimumsVectorized(shingles, minimums);
        }
        else
        {
            MinimumsScalar(shingles, minimums);
        }

        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = Hashing.Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++)
            {
                key = Hashing.Mix(key ^ minimums[(band * Rows) + row]);
            }

            keys[band] = unchecked((long)key);
        }

        return keys;
    }

    // Optimised at the first call rather than tiered: on a busy 2-CPU machine the tiering JIT reached
    // these loops only after thousands of articles had run through their unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MinimumsScalar(ReadOnlySpan<ulong> shingles, Span<ulong> minimums)
    {
        minimums.Fill(ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Functions; i++)
            {
                var value = unchecked((Multipliers[i] * shingle) + Offsets[i]);
                if (value < minimums[i])
                {
                    minimums[i] = value;
                }
            }
        }
    }

    /// <summary>The 24 functions as six vectors of four, all applied to a shingle at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MinimumsVectorized(ReadOnlySpan<ulong> shingles, Span<ulong> minimums)
    {
        var a0 = Vector256.Create(Multipliers.AsSpan(0, 4));
        var a1 = Vector256.Create(Multipliers.AsSpan(4, 4));
        var a2 = Vector256.Create(Multipliers.AsSpan(8, 4));
        var a3 = Vector256.Create(Multipliers.AsSpan(12, 4));
        var a4 = Vector256.Create(Multipliers.AsSpan(16, 4));
        var a5 = Vector256.Create(Multipliers.AsSpan(20, 4));
        var b0 = Vector256.Create(Offsets.AsSpan(0, 4));
        var b1 = Vector256.Create(Offsets.AsSpan(4, 4));
        var b2 = Vector256.Create(Offsets.AsSpan(8, 4));
        var b3 = Vector256.Create(Offsets.AsSpan(12, 4));
        var b4 = Vector256.Create(Offsets.AsSpan(16, 4));
        var b5 = Vector256.Create(Offsets.AsSpan(20, 4));
        Vector256<ulong> m0 = Vector256<ulong>.AllBitsSet, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0;
        foreach (var shingle in shingles)
        {
            var x = Vector256.Create(shingle);
            m0 = Vector256.Min(m0, (a0 * x) + b0);
            m1 = Vector256.Min(m1, (a1 * x) + b1);
            m2 = Vector256.Min(m2, (a2 * x) + b2);
            m3 = Vector256.Min(m3, (a3 * x) + b3);
            m4 = Vector256.Min(m4, (a4 * x) + b4);
            m5 = Vector256.Min(m5, (a5 * x) + b5);
        }

        m0.CopyTo(minimums);
        m1.CopyTo(minimums[4..]);
        m2.CopyTo(minimums[8..]);
        m3.CopyTo(minimums[12..]);
        m4.CopyTo(minimums[16..]);
        m5.CopyTo(minimums[20..]);
    }

    private static ulong[] MakeFunctions(ulong seed, bool odd)
    {
        var values = new ulong[Functions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Hashing.Mix(seed + (ulong)i) | (odd ? 1UL : 0UL);
        }

        return values;
    }
}
