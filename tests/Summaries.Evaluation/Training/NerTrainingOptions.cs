using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>How to train a <see cref="NerModel"/>. The defaults are the ones the shipped model was trained with.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>CoNLL-2003 training file (IOB2, 4 columns).</summary>
    public required string TrainPath { get; init; }

    /// <summary>CoNLL file used to pick the number of epochs.</summary>
    public required string DevPath { get; init; }

    /// <summary>Folders of .txt files and JSONL files of unlabelled news for the word clusters (the training tokens are always added).</summary>
    public required IReadOnlyList<string> UnlabelledSources { get; init; }

    /// <summary>The most passes over the training data; the best epoch on the dev file is kept.</summary>
    public int MaxEpochs { get; init; } = 30;

    /// <summary>Stop after this many epochs without a better dev F1.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Seeds the document order of every epoch and the cluster splits.</summary>
    public int Seed { get; init; } = 20030531;

    /// <summary>
    /// Feature groups to leave out, for ablation experiments: clusters, gazetteer, names, lexicon,
    /// document (case elsewhere in the document), history (earlier labels), capitals, context (±2 words and shapes).
    /// </summary>
    public IReadOnlyList<string> Ablate { get; init; } = [];

    /// <summary>The shared data set's unlabelled news, given its root (the CoNLL folder's parent).</summary>
    public static IReadOnlyList<string> DefaultUnlabelledSources(string dataRoot) => UnlabelledText.DefaultSources(dataRoot);
}

/// <summary>The trained model and how it was chosen.</summary>
public sealed record NerTrainingResult(NerModel Model, int BestEpoch, double DevF1, TimeSpan Elapsed);
