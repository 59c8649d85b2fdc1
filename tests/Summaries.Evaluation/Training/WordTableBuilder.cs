using System.Globalization;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// Learns the <see cref="WordTable"/>: for words seen at least <see cref="MinClusterCount"/> times
/// in the training tokens and the unlabelled text, a cluster path from <see cref="ClusterInducer"/>;
/// for words of the unlabelled text, how often they are capitalised where a capital means something.
/// The training tokens do not vote on case: a word seen once would have its own capital as
/// "evidence", which the model would learn to trust and then miss on new text.
/// </summary>
internal static class WordTableBuilder
{
    public const int MinClusterCount = 3;

    public static WordTable Build(
        IEnumerable<IReadOnlyList<string>> training,
        IEnumerable<IReadOnlyList<string>> unlabelled,
        IReadOnlyDictionary<ulong, LexiconClass> classes,
        int seed,
        TextWriter log)
    {
        var atoms = new DocumentAtoms(new AtomBuilder(new WordTable(new Dictionary<ulong, WordInfo>())), Gazetteer.Empty, Gazetteer.Empty);
        var ids = new Dictionary<ulong, int>();
        var hashes = new List<ulong>();
        var counts = new List<int>();
        var capitalised = new List<int>();
        var lowercase = new List<int>();
        var corpus = new List<int[]>();
        var tokens = 0L;
        var sentences = training.Select(s => (Tokens: s, CountCase: false)).Concat(unlabelled.Select(s => (Tokens: s, CountCase: true)));
        foreach (var (sentence, countCase) in sentences)
        {
            atoms.Build(NerDocument.FromSentences([sentence]));
            var sentenceCase = atoms.CaseOf(0);
            var wordIds = new int[sentence.Count];
            for (var i = 0; i < sentence.Count; i++)
            {
                var atom = atoms.Atoms[i];
                if (!ids.TryGetValue(atom.Word, out var id))
                {
                    id = ids.Count;
                    ids.Add(atom.Word, id);
                    hashes.Add(atom.Word);
                    counts.Add(0);
                    capitalised.Add(0);
                    lowercase.Add(0);
                }

                counts[id]++;
                if (countCase)
                {
                    var (cap, lower) = DocumentMemory.CaseVotes(atom, sentenceCase);
                    capitalised[id] += cap;
                    lowercase[id] += lower;
                }

                wordIds[i] = id;
            }

            tokens += sentence.Count;
            corpus.Add(wordIds);
        }

        var paths = ClusterInducer.Induce(corpus, counts, MinClusterCount, seed);
        var table = new Dictionary<ulong, WordInfo>(hashes.Count);
        var clustered = 0;
        for (var id = 0; id < hashes.Count; id++)
        {
            var bucket = WordTable.CapitalBucket(capitalised[id], capitalised[id] + lowercase[id]);
            var (path, length) = paths.TryGetValue(id, out var p) ? p : (0UL, (byte)0);
            clustered += length > 0 ? 1 : 0;
            var wordClasses = classes.GetValueOrDefault(hashes[id]);
            if (bucket > 0 || length > 0 || wordClasses != LexiconClass.None)
            {
                table.Add(hashes[id], new WordInfo(path, length, bucket, wordClasses));
            }
        }

        foreach (var (hash, wordClasses) in classes)
        {
            table.TryAdd(hash, new WordInfo(0, 0, 0, wordClasses));
        }

        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"unlabelled: {corpus.Count} sentences, {tokens} tokens, {hashes.Count} distinct words, {clustered} clustered, {table.Count} in the word table"));
        return new WordTable(table);
    }
}
