namespace Summaries.Language.Tagging;

/// <summary>
/// Turns a sentence's atoms into features: for each token, up to <see cref="MaxFeatures"/> 64-bit
/// feature hashes. Local features read a window of ±2 tokens; non-local ones read the
/// document's memory of how a word is cased and how it was labelled before. Nothing is allocated.
/// </summary>
internal sealed class FeatureExtractor
{
    public const int MaxFeatures = 80;

    private readonly ulong[] templates;
    private readonly bool[] disabled;
    private readonly ulong beforeSentence;
    private readonly ulong afterSentence;

    /// <param name="disabled">Templates to leave out, for ablation experiments in training.</param>
    public FeatureExtractor(IEnumerable<FeatureTemplate>? disabled = null)
    {
        this.disabled = new bool[(int)FeatureTemplate.Count];
        foreach (var template in disabled ?? [])
        {
            this.disabled[(int)template] = true;
        }

        templates = new ulong[(int)FeatureTemplate.Count];
        for (var t = 0; t < templates.Length; t++)
        {
            // By number, not name: renaming a template must not change the model's features.
            templates[t] = FeatureHash.Combine(FeatureHash.Of("template"), (ulong)t);
        }

        beforeSentence = FeatureHash.Of("<s>");
        afterSentence = FeatureHash.Of("</s>");
    }

    /// <summary>
    /// Writes the features of each token of sentence <paramref name="sentence"/> at <c>features[i * MaxFeatures]</c>
    /// and their number at <c>counts[i]</c>, i counted from the sentence's first token.
    /// </summary>
    public void Extract(DocumentAtoms document, DocumentMemory memory, int sentence, Span<ulong> features, Span<int> counts)
    {
        var doc = document.Document;
        var start = doc.SentenceStarts[sentence];
        var atoms = document.Atoms.Slice(start, doc.SentenceEnds[sentence] - start);
        var sentenceCase = document.CaseOf(sentence);
        for (var i = 0; i < atoms.Length; i++)
        {
            var writer = new FeatureWriter(features.Slice(i * MaxFeatures, MaxFeatures));
            Local(ref writer, atoms, i, sentenceCase);
            NonLocal(ref writer, memory, atoms[i], sentenceCase);
            counts[i] = writer.Count;
        }
    }

    private void Local(ref FeatureWriter w, ReadOnlySpan<TokenAtoms> atoms, int i, SentenceCase sentenceCase)
    {
        ref readonly var a = ref atoms[i];
        var word = a.Word;
        var shape = a.Shape;
        var wordMinus1 = WordAt(atoms, i - 1);
        var wordPlus1 = WordAt(atoms, i + 1);
        var shapeMinus1 = ShapeAt(atoms, i - 1);
        var shapePlus1 = ShapeAt(atoms, i + 1);
        var caseContext = a.CaseContext(sentenceCase);

        w.Add(FeatureTemplate.Bias, this, 0);
        w.Add(FeatureTemplate.WordMinus2, this, WordAt(atoms, i - 2));
        w.Add(FeatureTemplate.WordMinus1, this, wordMinus1);
        w.Add(FeatureTemplate.Word, this, word);
        w.Add(FeatureTemplate.WordPlus1, this, wordPlus1);
        w.Add(FeatureTemplate.WordPlus2, this, WordAt(atoms, i + 2));
        w.Add(FeatureTemplate.ShapeMinus2, this, ShapeAt(atoms, i - 2));
        w.Add(FeatureTemplate.ShapeMinus1, this, shapeMinus1);
        w.Add(FeatureTemplate.Shape, this, shape);
        w.Add(FeatureTemplate.ShapePlus1, this, shapePlus1);
        w.Add(FeatureTemplate.ShapePlus2, this, ShapeAt(atoms, i + 2));
        w.Add(FeatureTemplate.LongShape, this, a.LongShape);
        w.AddIfSet(FeatureTemplate.Prefix1, this, a.Prefix1);
        w.AddIfSet(FeatureTemplate.Prefix2, this, a.Prefix2);
        w.AddIfSet(FeatureTemplate.Prefix3, this, a.Prefix3);
        w.AddIfSet(FeatureTemplate.Prefix4, this, a.Prefix4);
        w.AddIfSet(FeatureTemplate.Suffix1, this, a.Suffix1);
        w.AddIfSet(FeatureTemplate.Suffix2, this, a.Suffix2);
        w.AddIfSet(FeatureTemplate.Suffix3, this, a.Suffix3);
        w.AddIfSet(FeatureTemplate.Suffix4, this, a.Suffix4);
        w.Add(FeatureTemplate.WordPairBefore, this, wordMinus1, word);
        w.Add(FeatureTemplate.WordPairAfter, this, word, wordPlus1);
        w.Add(FeatureTemplate.WordsAround, this, wordMinus1, wordPlus1);
        w.Add(FeatureTemplate.ShapePairBefore, this, shapeMinus1, shape);
        w.Add(FeatureTemplate.ShapePairAfter, this, shape, shapePlus1);
        w.Add(FeatureTemplate.ShapeTriple, this, FeatureHash.Combine(shapeMinus1, shape), shapePlus1);
        w.Add(FeatureTemplate.WordBeforeShape, this, wordMinus1, shape);
        w.Add(FeatureTemplate.ShapeWordAfter, this, shape, wordPlus1);
        w.Add(FeatureTemplate.ShapeBeforeWord, this, shapeMinus1, word);
        w.Add(FeatureTemplate.WordShapeAfter, this, word, shapePlus1);
        w.Add(FeatureTemplate.CaseShape, this, caseContext, shape);
        w.Add(FeatureTemplate.CaseWord, this, caseContext, word);

        if (a.ClusterLength > 0)
        {
            w.Add(FeatureTemplate.Cluster4, this, ClusterPrefix(a, 4));
            w.Add(FeatureTemplate.Cluster8, this, ClusterPrefix(a, 8));
            w.Add(FeatureTemplate.Cluster12, this, ClusterPrefix(a, 12));
            w.Add(FeatureTemplate.Cluster16, this, ClusterPrefix(a, 16));
        }
        else
        {
            w.Add(FeatureTemplate.NoCluster, this, caseContext);
        }

        w.Add(FeatureTemplate.ClusterMinus1, this, i > 0 ? ClusterPrefix(atoms[i - 1], 8) : beforeSentence);
        w.Add(FeatureTemplate.ClusterPlus1, this, i + 1 < atoms.Length ? ClusterPrefix(atoms[i + 1], 8) : afterSentence);
        w.Add(FeatureTemplate.CapitalBucket, this, a.CapitalBucket, caseContext);

        AddBits(ref w, FeatureTemplate.Gazetteer, a.Gazetteer, 0);
        AddBits(ref w, FeatureTemplate.Names, a.Names, 0);
        AddBits(ref w, FeatureTemplate.LexiconClass, (ushort)a.Classes, 0);
        AddBits(ref w, FeatureTemplate.LexiconClassCase, (ushort)a.Classes, caseContext);
        if (i > 0)
        {
            AddBits(ref w, FeatureTemplate.GazetteerMinus1, atoms[i - 1].Gazetteer, 0);
            AddBits(ref w, FeatureTemplate.NamesMinus1, atoms[i - 1].Names, 0);
            AddBits(ref w, FeatureTemplate.LexiconClassMinus1, (ushort)atoms[i - 1].Classes, 0);
        }

        if (i + 1 < atoms.Length)
        {
            AddBits(ref w, FeatureTemplate.GazetteerPlus1, atoms[i + 1].Gazetteer, 0);
            AddBits(ref w, FeatureTemplate.NamesPlus1, atoms[i + 1].Names, 0);
            AddBits(ref w, FeatureTemplate.LexiconClassPlus1, (ushort)atoms[i + 1].Classes, 0);
        }
    }

    private void NonLocal(ref FeatureWriter w, DocumentMemory memory, in TokenAtoms a, SentenceCase sentenceCase)
    {
        if (!a.Has(TokenFlags.HasLetter) || !memory.TryGet(a.Word, out var m))
        {
            return;
        }

        var caseContext = a.CaseContext(sentenceCase);
        var (ownCapitalised, ownLowercase) = DocumentMemory.CaseVotes(a, sentenceCase);
        var capitalisedElsewhere = m.Capitalised - ownCapitalised > 0 ? 1UL : 0UL;
        var lowercaseElsewhere = m.Lowercase - ownLowercase > 0 ? 2UL : 0UL;
        w.Add(FeatureTemplate.DocumentCase, this, capitalisedElsewhere | lowercaseElsewhere, caseContext);

        if (m.Labelled == 0)
        {
            return;
        }

        var bestLabel = 0;
        Span<int> types = stackalloc int[NerLabels.TypeCount + 1];
        for (var label = 0; label < NerLabels.Count; label++)
        {
            var count = m.Labels[label];
            bestLabel = count > m.Labels[bestLabel] ? label : bestLabel;
            types[label == NerLabels.Outside ? NerLabels.TypeCount : NerLabels.TypeOf(label)] += count;
        }

        var bestType = 0;
        for (var t = 0; t < types.Length; t++)
        {
            bestType = types[t] > types[bestType] ? t : bestType;
            if (t < NerLabels.TypeCount && types[t] > 0)
            {
                w.Add(FeatureTemplate.HistoryHasType, this, (ulong)t);
            }
        }

        w.Add(FeatureTemplate.HistoryLabel, this, (ulong)bestLabel);
        w.Add(FeatureTemplate.HistoryType, this, (ulong)bestType);
        w.Add(FeatureTemplate.HistoryTypeCase, this, (ulong)bestType, caseContext);
    }

    /// <summary>One feature per set bit (a gazetteer label, a word list), each mixed with <paramref name="context"/>.</summary>
    private void AddBits(ref FeatureWriter w, FeatureTemplate template, ushort bits, ulong context)
    {
        while (bits != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            bits &= (ushort)(bits - 1);
            w.Add(template, this, (ulong)bit, context);
        }
    }

    private ulong WordAt(ReadOnlySpan<TokenAtoms> atoms, int i) =>
        i < 0 ? beforeSentence : i >= atoms.Length ? afterSentence : atoms[i].Word;

    private ulong ShapeAt(ReadOnlySpan<TokenAtoms> atoms, int i) =>
        i < 0 ? beforeSentence : i >= atoms.Length ? afterSentence : atoms[i].Shape;

    private static ulong ClusterPrefix(in TokenAtoms a, int length)
    {
        if (a.ClusterLength == 0)
        {
            return 0;
        }

        var kept = Math.Min(length, (int)a.ClusterLength);
        return (a.Cluster >> (a.ClusterLength - kept)) | ((ulong)kept << 56);
    }

    internal ulong T(FeatureTemplate template) => templates[(int)template];

    internal bool IsDisabled(FeatureTemplate template) => disabled[(int)template];

    /// <summary>Appends features to one token's slice of the feature buffer.</summary>
    private ref struct FeatureWriter(Span<ulong> features)
    {
        private readonly Span<ulong> features = features;

        public int Count { get; private set; }

        public void Add(ulong feature)
        {
            if (Count < features.Length)
            {
                features[Count++] = feature;
            }
        }

        public void Add(FeatureTemplate template, FeatureExtractor owner, ulong value)
        {
            if (!owner.IsDisabled(template))
            {
                Add(FeatureHash.Combine(owner.T(template), value));
            }
        }

        public void Add(FeatureTemplate template, FeatureExtractor owner, ulong first, ulong second)
        {
            if (!owner.IsDisabled(template))
            {
                Add(FeatureHash.Combine(owner.T(template), first, second));
            }
        }

        public void AddIfSet(FeatureTemplate template, FeatureExtractor owner, ulong value)
        {
            if (value != 0)
            {
                Add(template, owner, value);
            }
        }
    }
}
