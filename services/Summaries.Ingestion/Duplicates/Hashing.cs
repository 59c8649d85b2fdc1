using System.Runtime.CompilerServices;

namespace Summaries.Ingestion.Duplicates;

/// <summary>Fixed, process-independent 64-bit mixing: stored band keys must mean the same thing after a restart.</summary>
internal static class Hashing
{
    /// <summary>The SplitMix64 finaliser: every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }
}
