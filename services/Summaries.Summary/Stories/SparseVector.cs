namespace Summaries.Summary.Stories;

/// <summary>A weighted bag of features (words or entities), sorted by feature id, of length at most 1.</summary>
public sealed class SparseVector
{
    private readonly int[] _ids;
    private readonly double[] _weights;

    private SparseVector(int[] ids, double[] weights)
    {
        _ids = ids;
        _weights = weights;
    }

    public static SparseVector Empty { get; } = new([], []);

    /// <summary>
    /// Divides the weights by their length, counting also an unshared <paramref name="floor"/>
    /// weight: a document with little weight in all (one common name, say) cannot be fully like
    /// another. Features of weight 0 are dropped.
    /// </summary>
    public static SparseVector Of(IEnumerable<KeyValuePair<int, double>> weights, double floor = 0)
    {
        var kept = weights.Where(w => w.Value > 0).OrderBy(w => w.Key).ToArray();
        var norm = Math.Sqrt(kept.Sum(w => w.Value * w.Value) + (floor * floor));
        return norm == 0
            ? Empty
            : new SparseVector(kept.Select(w => w.Key).ToArray(), kept.Select(w => w.Value / norm).ToArray());
    }

    /// <summary>Dot product with another vector: their cosine, lowered by the floors, 0-1.</summary>
    public double Cosine(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < _ids.Length && j < other._ids.Length)
        {
            if (_ids[i] == other._ids[j])
            {
                sum += _weights[i++] * other._weights[j++];
            }
            else if (_ids[i] < other._ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Min(1, sum);
    }
}
