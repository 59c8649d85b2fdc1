namespace Summaries.Language.Tagging;

/// <summary>
/// Tags documents with one <see cref="NerModel"/>. Holds the scratch buffers a document needs and
/// reuses them, so steady-state tagging allocates only the result; one tagger per thread.
/// </summary>
public sealed class NerTagger
{
    private const int L = NerLabels.Count;

    private readonly NerModel model;
    private readonly DocumentAtoms atoms;
    private readonly DocumentMemory memory = new();
    private readonly ViterbiDecoder decoder = new();
    private ulong[] features = new ulong[64 * FeatureExtractor.MaxFeatures];
    private int[] counts = new int[64];
    private float[] unary = new float[64 * L];

    internal NerTagger(NerModel model)
    {
        this.model = model;
        atoms = new DocumentAtoms(new AtomBuilder(model.Words), model.Gazetteer, model.Names);
    }

    /// <summary>IOB2 tags for every sentence of the document.</summary>
    public string[][] Tag(NerDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var labels = new int[document.Tokens.Count];
        Tag(document, labels, []);
        var tags = new string[document.SentenceCount][];
        for (var s = 0; s < document.SentenceCount; s++)
        {
            var start = document.SentenceStarts[s];
            tags[s] = NerLabels.ToIob(labels.AsSpan(start, document.SentenceEnds[s] - start));
        }

        return tags;
    }

    /// <summary>The entities of the document with their margins, in text order.</summary>
    public List<NerEntity> Entities(NerDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var labels = new int[document.Tokens.Count];
        var margins = new float[document.Tokens.Count];
        Tag(document, labels, margins, cancellationToken);
        var entities = new List<NerEntity>();
        for (var s = 0; s < document.SentenceCount; s++)
        {
            var start = document.SentenceStarts[s];
            foreach (var span in NerLabels.Spans(labels.AsSpan(start, document.SentenceEnds[s] - start)))
            {
                var margin = float.MaxValue;
                foreach (var m in margins.AsSpan(start + span.Start, span.End - span.Start))
                {
                    margin = Math.Min(margin, m);
                }

                entities.Add(new NerEntity(s, start + span.Start, start + span.End, span.Type, margin));
            }
        }

        return entities;
    }

    /// <summary>BILOU labels for every token, and (if <paramref name="margins"/> is not empty) each token's confidence margin.</summary>
    internal void Tag(NerDocument document, Span<int> labels, Span<float> margins, CancellationToken cancellationToken = default)
    {
        atoms.Build(document);
        memory.Start(atoms);
        for (var s = 0; s < document.SentenceCount; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = document.SentenceStarts[s];
            var length = document.SentenceEnds[s] - start;
            TagSentence(s, labels.Slice(start, length), margins.IsEmpty ? margins : margins.Slice(start, length));
        }
    }

    private void TagSentence(int sentence, Span<int> labels, Span<float> margins)
    {
        var length = labels.Length;
        if (length == 0)
        {
            return;
        }

        if (counts.Length < length)
        {
            counts = new int[length * 2];
            features = new ulong[length * 2 * FeatureExtractor.MaxFeatures];
            unary = new float[length * 2 * L];
        }

        model.Features.Extract(atoms, memory, sentence, features, counts);
        for (var i = 0; i < length; i++)
        {
            model.Weights.Score(features.AsSpan(i * FeatureExtractor.MaxFeatures, counts[i]), unary.AsSpan(i * L, L));
        }

        decoder.Decode(unary, length, model.Transitions, labels, margins);
        var start = atoms.Document.SentenceStarts[sentence];
        NameConventions.Apply(atoms.Atoms.Slice(start, length), labels);
        memory.Remember(atoms.Atoms.Slice(start, length), labels);
    }
}
