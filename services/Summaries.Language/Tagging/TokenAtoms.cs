namespace Summaries.Language.Tagging;

/// <summary>Case facts about one token that several features share.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    InitialCapital = 1,
    AllCapitals = 2,
    HasLetter = 4,
    HasDigit = 8,
    HasLowercase = 16,

    /// <summary>The first word of its sentence (after any opening quote or bracket): its capital says little.</summary>
    SentenceInitial = 32,
}

/// <summary>How a sentence is cased; headlines in capitals or title case say little through capitals.</summary>
internal enum SentenceCase : byte
{
    Normal,
    AllCapitals,
    TitleCase,
}

/// <summary>
/// Everything the features need to know about one token, computed once per token: hashes of its
/// folded form, shapes and affixes, its word cluster, and which gazetteer entries cover it.
/// </summary>
internal struct TokenAtoms
{
    public ulong Word;
    public ulong Shape;
    public ulong LongShape;
    public ulong Prefix1;
    public ulong Prefix2;
    public ulong Prefix3;
    public ulong Prefix4;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;

    /// <summary>The word's cluster path, most significant decision first; <see cref="ClusterLength"/> bits long.</summary>
    public ulong Cluster;
    public byte ClusterLength;

    /// <summary>How often the word is capitalised mid-sentence in unlabelled text (0 = unknown).</summary>
    public byte CapitalBucket;

    /// <summary>The annotator's word lists the word is in.</summary>
    public LexiconClass Classes;

    /// <summary>Bit <c>label</c> set when an entity of the training split puts this token at that BILOU label.</summary>
    public ushort Gazetteer;

    /// <summary>Bit <c>label</c> set when a name of the annotator's lists puts this token at that BILOU label.</summary>
    public ushort Names;
    public TokenFlags Flags;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;

    /// <summary>A small code of the token's case and where it stands: the context a capital is read in.</summary>
    public readonly ulong CaseContext(SentenceCase sentenceCase) =>
        (ulong)(Flags & (TokenFlags.InitialCapital | TokenFlags.AllCapitals | TokenFlags.HasLetter | TokenFlags.SentenceInitial))
        | ((ulong)sentenceCase << 8);
}
