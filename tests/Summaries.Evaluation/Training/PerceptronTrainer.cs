using System.Runtime.InteropServices;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// The averaged structured perceptron (Collins, 2002): tag a sentence with the current weights,
/// and where the best sequence differs from the gold one, add the gold sequence's features and
/// subtract the predicted one's. Averaging uses the usual trick — keep Σ step·update beside the
/// weights — so the average costs nothing per update. A feature gets a weight row the first time
/// an update touches it. Earlier sentences of a document feed the document memory with the labels
/// the model predicted, exactly as at run time.
/// </summary>
internal sealed class PerceptronTrainer
{
    private const int L = NerLabels.Count;

    private readonly FeatureExtractor features;
    private readonly DocumentAtoms atoms;
    private readonly DocumentMemory memory = new();
    private readonly ViterbiDecoder decoder = new();
    private readonly Dictionary<ulong, int> rowOf = [];
    private readonly List<ulong> featureOfRow = [];
    private readonly float[] transitions = new float[(L + 1) * L];
    private readonly double[] transitionSteps = new double[(L + 1) * L];
    private float[] weights = new float[1 << 16];
    private double[] weightSteps = new double[1 << 16];
    private ulong[] tokenFeatures = new ulong[128 * FeatureExtractor.MaxFeatures];
    private int[] counts = new int[128];
    private float[] unary = new float[128 * L];
    private int[] predicted = new int[128];
    private long step = 1;

    public PerceptronTrainer(WordTable words, Gazetteer gazetteer, Gazetteer names, IEnumerable<FeatureTemplate>? disabled = null)
    {
        features = new FeatureExtractor(disabled);
        atoms = new DocumentAtoms(new AtomBuilder(words), gazetteer, names);
    }

    /// <summary>One pass over the documents in the given order; returns the number of sentences with a mistake.</summary>
    public int Epoch(IReadOnlyList<TrainingDocument> documents, IEnumerable<int> order)
    {
        var mistakes = 0;
        foreach (var d in order)
        {
            var document = documents[d];
            atoms.Build(document.Document, document.LeaveOut);
            memory.Start(atoms);
            for (var s = 0; s < document.Document.SentenceCount; s++)
            {
                mistakes += Learn(document, s) ? 1 : 0;
                step++;
            }
        }

        return mistakes;
    }

    /// <summary>The averaged weights (<see cref="NerLabels.Count"/> per feature) and transitions, as they stand now.</summary>
    public (IReadOnlyList<ulong> Features, float[] Weights, float[] Transitions) Average()
    {
        var averaged = new float[featureOfRow.Count * L];
        for (var i = 0; i < averaged.Length; i++)
        {
            averaged[i] = (float)(weights[i] - (weightSteps[i] / step));
        }

        var averagedTransitions = new float[transitions.Length];
        for (var i = 0; i < transitions.Length; i++)
        {
            averagedTransitions[i] = (float)(transitions[i] - (transitionSteps[i] / step));
        }

        return (featureOfRow.ToArray(), averaged, averagedTransitions);
    }

    private bool Learn(TrainingDocument document, int sentence)
    {
        var start = document.Document.SentenceStarts[sentence];
        var length = document.Document.SentenceEnds[sentence] - start;
        if (length == 0)
        {
            return false;
        }

        Ensure(length);
        features.Extract(atoms, memory, sentence, tokenFeatures, counts);
        Score(length);
        var gold = document.Gold.AsSpan(start, length);
        var guess = predicted.AsSpan(0, length);
        decoder.Decode(unary, length, transitions, guess, []);
        var wrong = !gold.SequenceEqual(guess);
        if (wrong)
        {
            for (var i = 0; i < length; i++)
            {
                if (gold[i] != guess[i])
                {
                    UpdateToken(i, gold[i], 1);
                    UpdateToken(i, guess[i], -1);
                }

                var goldPrevious = i == 0 ? NerLabels.Start : gold[i - 1];
                var guessPrevious = i == 0 ? NerLabels.Start : guess[i - 1];
                if (goldPrevious != guessPrevious || gold[i] != guess[i])
                {
                    UpdateTransition((goldPrevious * L) + gold[i], 1);
                    UpdateTransition((guessPrevious * L) + guess[i], -1);
                }
            }
        }

        memory.Remember(atoms.Atoms.Slice(start, length), guess);
        return wrong;
    }

    private void Score(int length)
    {
        Array.Clear(unary, 0, length * L);
        for (var i = 0; i < length; i++)
        {
            var scores = unary.AsSpan(i * L, L);
            foreach (var feature in tokenFeatures.AsSpan(i * FeatureExtractor.MaxFeatures, counts[i]))
            {
                if (rowOf.TryGetValue(feature, out var row))
                {
                    var w = weights.AsSpan(row * L, L);
                    for (var y = 0; y < L; y++)
                    {
                        scores[y] += w[y];
                    }
                }
            }
        }
    }

    private void UpdateToken(int token, int label, float delta)
    {
        foreach (var feature in tokenFeatures.AsSpan(token * FeatureExtractor.MaxFeatures, counts[token]))
        {
            var index = (RowFor(feature) * L) + label;
            weights[index] += delta;
            weightSteps[index] += step * delta;
        }
    }

    private int RowFor(ulong feature)
    {
        ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(rowOf, feature, out var exists);
        if (!exists)
        {
            row = featureOfRow.Count;
            featureOfRow.Add(feature);
            if ((row + 1) * L > weights.Length)
            {
                Array.Resize(ref weights, weights.Length * 2);
                Array.Resize(ref weightSteps, weightSteps.Length * 2);
            }
        }

        return row;
    }

    private void UpdateTransition(int index, float delta)
    {
        transitions[index] += delta;
        transitionSteps[index] += step * delta;
    }

    private void Ensure(int length)
    {
        if (counts.Length < length)
        {
            counts = new int[length * 2];
            tokenFeatures = new ulong[length * 2 * FeatureExtractor.MaxFeatures];
            unary = new float[length * 2 * L];
            predicted = new int[length * 2];
        }
    }
}
