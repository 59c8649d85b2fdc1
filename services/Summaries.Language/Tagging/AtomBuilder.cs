namespace Summaries.Language.Tagging;

/// <summary>Computes <see cref="TokenAtoms"/> for a token from its characters, in one pass and without allocating.</summary>
internal sealed class AtomBuilder(WordTable words)
{
    private const int LongShapeRepeat = 4;
    private const int MaxAffix = 4;

    public TokenAtoms Build(string token)
    {
        var text = WordForms.Canonical(token);
        var atoms = default(TokenAtoms);
        var word = FeatureHash.Empty;
        var shape = FeatureHash.Empty;
        var longShape = FeatureHash.Empty;
        var previousShape = '\0';
        var run = 0;
        var letters = 0;
        var capitals = 0;
        var flags = TokenFlags.None;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            word = FeatureHash.Add(word, WordForms.Fold(c));
            if (i < MaxAffix)
            {
                SetPrefix(ref atoms, i + 1, FeatureHash.Finish(word));
            }

            var s = WordForms.ShapeOf(c);
            run = s == previousShape ? run + 1 : 1;
            previousShape = s;
            if (run == 1)
            {
                shape = FeatureHash.Add(shape, s);
            }

            if (run <= LongShapeRepeat)
            {
                longShape = FeatureHash.Add(longShape, s);
            }

            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    capitals++;
                    flags |= letters == 1 && i == 0 ? TokenFlags.InitialCapital : TokenFlags.None;
                }
                else
                {
                    flags |= TokenFlags.HasLowercase;
                }
            }
            else if (char.IsDigit(c))
            {
                flags |= TokenFlags.HasDigit;
            }
        }

        if (letters > 0)
        {
            flags |= TokenFlags.HasLetter;
            flags |= capitals == letters ? TokenFlags.AllCapitals : TokenFlags.None;
        }

        atoms.Word = FeatureHash.Finish(word);
        atoms.Shape = FeatureHash.Finish(shape);
        atoms.LongShape = FeatureHash.Finish(longShape);
        atoms.Flags = flags;
        for (var k = 1; k <= MaxAffix && k <= text.Length; k++)
        {
            SetSuffix(ref atoms, k, Suffix(text, k));
        }

        if (words.TryGet(atoms.Word, out var info))
        {
            atoms.Cluster = info.Cluster;
            atoms.ClusterLength = info.ClusterLength;
            atoms.CapitalBucket = info.CapitalBucket;
            atoms.Classes = info.Classes;
        }

        return atoms;
    }

    /// <summary>The folded word's hash, as <see cref="Build"/> computes it, for tables keyed by word.</summary>
    public static ulong WordHash(string token)
    {
        var word = FeatureHash.Empty;
        foreach (var c in WordForms.Canonical(token))
        {
            word = FeatureHash.Add(word, WordForms.Fold(c));
        }

        return FeatureHash.Finish(word);
    }

    private static ulong Suffix(ReadOnlySpan<char> text, int length)
    {
        var hash = FeatureHash.Empty;
        foreach (var c in text[^length..])
        {
            hash = FeatureHash.Add(hash, WordForms.Fold(c));
        }

        return FeatureHash.Finish(hash);
    }

    private static void SetPrefix(ref TokenAtoms atoms, int length, ulong hash)
    {
        switch (length)
        {
            case 1: atoms.Prefix1 = hash; break;
            case 2: atoms.Prefix2 = hash; break;
            case 3: atoms.Prefix3 = hash; break;
            default: atoms.Prefix4 = hash; break;
        }
    }

    private static void SetSuffix(ref TokenAtoms atoms, int length, ulong hash)
    {
        switch (length)
        {
            case 1: atoms.Suffix1 = hash; break;
            case 2: atoms.Suffix2 = hash; break;
            case 3: atoms.Suffix3 = hash; break;
            default: atoms.Suffix4 = hash; break;
        }
    }
}
