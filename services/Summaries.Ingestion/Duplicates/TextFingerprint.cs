namespace Summaries.Ingestion.Duplicates;

/// <summary>What near-duplicate detection needs of a cleaned text: its shingles and their band keys.</summary>
public sealed record TextFingerprint(IReadOnlySet<ulong> Shingles, IReadOnlyList<long> BandKeys)
{
    public static TextFingerprint Of(string cleanedText)
    {
        var shingles = Duplicates.Shingles.Of(cleanedText);
        return new TextFingerprint(shingles, MinHashBands.Of(shingles));
    }
}
