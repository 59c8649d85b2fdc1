namespace Summaries.Summary.Stories;

/// <summary>
/// Weights each document's features by their rarity across the candidate set, as unit vectors.
/// idf = ln(min(C, (N + P) / df)) over N documents. P "empty" prior documents keep what a small
/// candidate set shares (two articles of one event, say) from weighing nothing, while in a large
/// one a feature every article has ("United States", "government") weighs next to nothing. The
/// ceiling C makes every feature found in at most 1/C of the documents weigh the same: without it,
/// the rarest features outweigh the rest more and more as the candidate set grows, and the
/// similarity of two reports of one event rises with it, so no one threshold would fit both a
/// quiet hour and a busy week.
/// </summary>
public static class IdfWeighting
{
    /// <summary>Each vector's length counts an unshared feature of this many fully rare ones, see <see cref="SparseVector.Of"/>.</summary>
    public const double FloorShare = 2.0;

    public static IReadOnlyList<SparseVector> Vectors(
        IReadOnlyList<IReadOnlyDictionary<string, double>> documents, double priorDocuments, double ceilingRatio)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        foreach (var doc in documents)
        {
            foreach (var feature in doc.Keys)
            {
                if (!ids.TryGetValue(feature, out var id))
                {
                    id = ids.Count;
                    ids[feature] = id;
                    df.Add(0);
                }

                df[id]++;
            }
        }

        var n = documents.Count + priorDocuments;
        var floor = FloorShare * Math.Log(ceilingRatio);
        return documents
            .Select(doc => SparseVector.Of(doc.Select(f =>
            {
                var id = ids[f.Key];
                return KeyValuePair.Create(id, f.Value * Math.Log(Math.Min(ceilingRatio, n / df[id])));
            }), floor))
            .ToList();
    }
}
