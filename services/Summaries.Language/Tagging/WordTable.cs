namespace Summaries.Language.Tagging;

/// <summary>
/// What unlabelled text taught about one word — its cluster path and how often it is capitalised —
/// and which of the annotator's word lists it is in.
/// </summary>
internal readonly record struct WordInfo(ulong Cluster, byte ClusterLength, byte CapitalBucket, LexiconClass Classes);

/// <summary>
/// Folded-word hash → <see cref="WordInfo"/>, induced from unlabelled text at training time and
/// shipped inside the model. Immutable once built.
/// </summary>
internal sealed class WordTable(IReadOnlyDictionary<ulong, WordInfo> words)
{
    /// <summary>Capital-ratio buckets: 1 = almost never capitalised mid-sentence … 5 = almost always.</summary>
    public const int CapitalBuckets = 5;

    public int Count => words.Count;

    public IEnumerable<KeyValuePair<ulong, WordInfo>> Entries => words;

    public bool TryGet(ulong word, out WordInfo info) => words.TryGetValue(word, out info);

    /// <summary>The bucket for <paramref name="capitalised"/> of <paramref name="total"/> mid-sentence uses.</summary>
    public static byte CapitalBucket(int capitalised, int total)
    {
        if (total == 0)
        {
            return 0;
        }

        var ratio = (double)capitalised / total;
        return ratio switch
        {
            < 0.05 => 1,
            < 0.35 => 2,
            < 0.65 => 3,
            < 0.95 => 4,
            _ => 5,
        };
    }
}
