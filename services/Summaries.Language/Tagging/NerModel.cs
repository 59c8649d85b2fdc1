using System.IO.Compression;

namespace Summaries.Language.Tagging;

/// <summary>
/// Our own named-entity model: an averaged structured perceptron over hashed features (word,
/// shapes, affixes, ±2 window, word clusters, a gazetteer from the training split, document-wide
/// case and label memory), decoded with Viterbi over BILOU labels for PER/ORG/LOC/MISC.
/// Immutable and thread-safe; each <see cref="CreateTagger"/> gives a single-threaded worker.
/// </summary>
public sealed class NerModel
{
    /// <summary>The embedded model's manifest resource name suffix.</summary>
    public const string ResourceName = "Tagging.Model.ner-model.bin.gz";

    internal NerModel(WordTable words, Gazetteer gazetteer, Gazetteer names, FeatureWeights weights, float[] transitions, float strongMargin)
    {
        Names = names;
        StrongMargin = strongMargin;
        Words = words;
        Gazetteer = gazetteer;
        Weights = weights;
        Transitions = transitions;
        Features = new FeatureExtractor();
    }

    /// <summary>
    /// The margin above which the tagger's entities were right at least 98% of the time on the dev
    /// file (exact span and type); set by training.
    /// </summary>
    public float StrongMargin { get; }

    internal WordTable Words { get; }

    /// <summary>Entities of the training split.</summary>
    internal Gazetteer Gazetteer { get; }

    /// <summary>The annotator's name lists, as they were at training time.</summary>
    internal Gazetteer Names { get; }

    internal FeatureWeights Weights { get; }

    /// <summary>(<see cref="NerLabels.Count"/> + 1) × <see cref="NerLabels.Count"/>; the last row is the start of a sentence.</summary>
    internal float[] Transitions { get; }

    internal FeatureExtractor Features { get; }

    /// <summary>Reads a model written by <see cref="Save"/> (gzip-compressed).</summary>
    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        return NerModelFile.Read(buffered);
    }

    /// <summary>The model shipped in this assembly (Annotation/Tagging/Model).</summary>
    public static NerModel LoadShipped()
    {
        var assembly = typeof(NerModel).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(ResourceName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The NER model '{ResourceName}' is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return Load(stream);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        NerModelFile.Write(this, buffered);
    }

    public NerTagger CreateTagger() => new(this);

    /// <summary>IOB2 tags for one sentence on its own.</summary>
    public string[] Tag(IReadOnlyList<string> tokens) => CreateTagger().Tag(NerDocument.FromSentences([tokens]))[0];

    /// <summary>IOB2 tags for the sentences of one document, which inform each other.</summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences) =>
        CreateTagger().Tag(NerDocument.FromSentences(sentences));
}
