using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// Cheap distributional word clusters with Brown-style bit paths. Each word is described by the
/// positive PMI of the frequent words at offsets −2, −1, +1, +2 (context distribution smoothed
/// with α = 0.75); the words are then split in two by spherical 2-means, recursively, to depth
/// <see cref="MaxDepth"/>. Prefixes of a path are coarser clusters, so the features can use
/// several granularities. Deterministic for a given seed and corpus order.
/// (Brown clustering proper costs O(V·C²) and gains little over this on a corpus this small.)
/// </summary>
internal static class ClusterInducer
{
    public const int MaxDepth = 16;
    private const int ContextWords = 600;
    private const int Iterations = 8;
    private const double Smoothing = 0.75;
    private static ReadOnlySpan<int> Offsets => [-2, -1, 1, 2];

    /// <summary>Word id → (path, length) for words seen at least <paramref name="minCount"/> times.</summary>
    public static Dictionary<int, (ulong Path, byte Length)> Induce(IReadOnlyList<int[]> corpus, IReadOnlyList<int> counts, int minCount, int seed)
    {
        var vocabulary = Enumerable.Range(0, counts.Count).Where(id => counts[id] >= minCount).ToArray();
        var contexts = Enumerable.Range(0, counts.Count)
            .OrderByDescending(id => counts[id]).ThenBy(id => id)
            .Take(ContextWords).ToArray();
        var vectors = Vectors(corpus, vocabulary, contexts, out var dimensions);
        var paths = new Dictionary<int, (ulong, byte)>(vocabulary.Length);
        var splitter = new Splitter(vectors, dimensions, new Random(seed));
        splitter.Split(Enumerable.Range(0, vocabulary.Length).ToArray(), 0, 0, (member, path, depth) => paths[vocabulary[member]] = (path, depth));
        return paths;
    }

    /// <summary>Sparse, L2-normalised PPMI context vectors, one per vocabulary word.</summary>
    private static (int[] Index, float[] Value)[] Vectors(IReadOnlyList<int[]> corpus, int[] vocabulary, int[] contexts, out int dimensions)
    {
        var slot = new Dictionary<int, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            slot.Add(vocabulary[i], i);
        }

        var contextSlot = new Dictionary<int, int>(contexts.Length);
        for (var i = 0; i < contexts.Length; i++)
        {
            contextSlot.Add(contexts[i], i);
        }

        // Context ids per offset: the frequent words, then "before the sentence", then "after it".
        var perOffset = contexts.Length + 2;
        dimensions = Offsets.Length * perOffset;
        var pairs = new Dictionary<long, int>();
        var wordTotals = new double[vocabulary.Length];
        var contextTotals = new double[dimensions];
        foreach (var sentence in corpus)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                if (!slot.TryGetValue(sentence[i], out var w))
                {
                    continue;
                }

                for (var o = 0; o < Offsets.Length; o++)
                {
                    var j = i + Offsets[o];
                    var c = j < 0 ? contexts.Length : j >= sentence.Length ? contexts.Length + 1
                        : contextSlot.TryGetValue(sentence[j], out var cs) ? cs : -1;
                    if (c < 0)
                    {
                        continue;
                    }

                    var feature = (o * perOffset) + c;
                    var key = ((long)w * dimensions) + feature;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                    wordTotals[w]++;
                    contextTotals[feature]++;
                }
            }
        }

        var smoothedTotal = contextTotals.Sum(c => Math.Pow(c, Smoothing));
        var rows = new List<(int, float)>[vocabulary.Length];
        for (var w = 0; w < rows.Length; w++)
        {
            rows[w] = [];
        }

        foreach (var (key, count) in pairs.OrderBy(p => p.Key))
        {
            var w = (int)(key / dimensions);
            var feature = (int)(key % dimensions);
            var pmi = Math.Log(count * smoothedTotal / (wordTotals[w] * Math.Pow(contextTotals[feature], Smoothing)));
            if (pmi > 0)
            {
                rows[w].Add((feature, (float)pmi));
            }
        }

        var vectors = new (int[], float[])[vocabulary.Length];
        for (var w = 0; w < rows.Length; w++)
        {
            var norm = MathF.Sqrt(rows[w].Sum(e => e.Item2 * e.Item2));
            vectors[w] = (rows[w].Select(e => e.Item1).ToArray(), rows[w].Select(e => norm > 0 ? e.Item2 / norm : 0).ToArray());
        }

        return vectors;
    }

    /// <summary>Recursive spherical 2-means; reuses two dense centroid buffers.</summary>
    private sealed class Splitter((int[] Index, float[] Value)[] vectors, int dimensions, Random random)
    {
        private readonly float[] left = new float[dimensions];
        private readonly float[] right = new float[dimensions];

        public void Split(int[] members, ulong path, byte depth, Action<int, ulong, byte> assign)
        {
            if (members.Length < 2 || depth == MaxDepth || !TryBisect(members, out var first, out var second))
            {
                foreach (var member in members)
                {
                    assign(member, path, depth);
                }

                return;
            }

            Split(first, path << 1, (byte)(depth + 1), assign);
            Split(second, (path << 1) | 1, (byte)(depth + 1), assign);
        }

        private bool TryBisect(int[] members, out int[] first, out int[] second)
        {
            var seedA = members[random.Next(members.Length)];
            Load(left, seedA);
            var seedB = members.MinBy(m => Dot(m, left));
            Load(right, seedB);
            var side = new bool[members.Length];
            for (var iteration = 0; iteration < Iterations; iteration++)
            {
                var changed = false;
                for (var i = 0; i < members.Length; i++)
                {
                    var toRight = Dot(members[i], right) > Dot(members[i], left);
                    changed |= toRight != side[i] || iteration == 0;
                    side[i] = toRight;
                }

                if (!changed)
                {
                    break;
                }

                Recompute(members, side);
            }

            first = members.Where((_, i) => !side[i]).ToArray();
            second = members.Where((_, i) => side[i]).ToArray();
            return first.Length > 0 && second.Length > 0;
        }

        private void Recompute(int[] members, bool[] side)
        {
            Array.Clear(left);
            Array.Clear(right);
            for (var i = 0; i < members.Length; i++)
            {
                var target = side[i] ? right : left;
                var (index, value) = vectors[members[i]];
                for (var k = 0; k < index.Length; k++)
                {
                    target[index[k]] += value[k];
                }
            }

            Normalize(left);
            Normalize(right);
        }

        private void Load(float[] centroid, int member)
        {
            Array.Clear(centroid);
            var (index, value) = vectors[member];
            for (var k = 0; k < index.Length; k++)
            {
                centroid[index[k]] = value[k];
            }
        }

        private float Dot(int member, float[] centroid)
        {
            var (index, value) = vectors[member];
            var sum = 0f;
            for (var k = 0; k < index.Length; k++)
            {
                sum += value[k] * centroid[index[k]];
            }

            return sum;
        }

        private static void Normalize(float[] centroid)
        {
            var norm = MathF.Sqrt(centroid.Sum(v => v * v));
            if (norm > 0)
            {
                for (var i = 0; i < centroid.Length; i++)
                {
                    centroid[i] /= norm;
                }
            }
        }
    }
}
