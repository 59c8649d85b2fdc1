namespace Summaries.Ingestion.Duplicates;

/// <summary>
/// What near-duplicate detection needs of a cleaned text: its band keys, and its shingle set, which is
/// only built when a candidate has to be compared (most texts have none).
/// </summary>
public sealed class TextFingerprint
{
    private readonly ulong[] _shingleHashes;
    private HashSet<ulong>? _shingles;

    private TextFingerprint(ulong[] shingleHashes)
    {
        _shingleHashes = shingleHashes;
        BandKeys = MinHashBands.Of(shingleHashes);
    }

    public IReadOnlySet<ulong> Shingles => _shingles ??= [.. _shingleHashes];

    public IReadOnlyList<long> BandKeys { get; }

    public static TextFingerprint Of(string cleanedText) => new(Duplicates.Shingles.Hashes(cleanedText));
}
