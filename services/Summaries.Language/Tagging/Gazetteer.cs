namespace Summaries.Language.Tagging;

/// <summary>
/// Entity strings seen in the training split, by type, matched case-insensitively over tokens. A
/// match marks each covered token with the BILOU label it would have, so the tagger learns how far
/// to trust the list. During training a document's own entities are left out of the list while
/// that document is tagged; otherwise every training name would be "in the list" and the model
/// would trust it blindly, which it must not do on new text.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>Longer names are rare and mostly sports-table noise.</summary>
    public const int MaxLength = 6;

    private static readonly ulong PhraseSeed = FeatureHash.Of("<phrase>");

    private readonly Dictionary<ulong, byte> entries;
    private readonly HashSet<ulong> prefixes;

    /// <param name="entries">Phrase hash → bit mask of the types it was seen as.</param>
    /// <param name="prefixes">Hashes of every proper prefix of a longer entry, so matching can stop early.</param>
    public Gazetteer(Dictionary<ulong, byte> entries, HashSet<ulong> prefixes)
    {
        this.entries = entries;
        this.prefixes = prefixes;
    }

    public static Gazetteer Empty { get; } = new([], []);

    public int Count => entries.Count;

    public IReadOnlyDictionary<ulong, byte> Entries => entries;

    public IReadOnlySet<ulong> Prefixes => prefixes;

    public static ulong Phrase(ReadOnlySpan<TokenAtoms> atoms)
    {
        var hash = PhraseSeed;
        foreach (var atom in atoms)
        {
            hash = Extend(hash, atom.Word);
        }

        return hash;
    }

    /// <summary>Marks <see cref="TokenAtoms.Gazetteer"/> on one sentence's tokens.</summary>
    /// <param name="leaveOut">Phrase → types to ignore: the entities of the document being trained on.</param>
    /// <param name="names">Mark <see cref="TokenAtoms.Names"/> rather than <see cref="TokenAtoms.Gazetteer"/>.</param>
    public void Mark(Span<TokenAtoms> sentence, IReadOnlyDictionary<ulong, byte>? leaveOut, bool names = false)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            // Names start with a capital or a digit ("1860 Munich"); lowercase starts would only add noise.
            if (!sentence[i].Has(TokenFlags.InitialCapital) && !sentence[i].Has(TokenFlags.HasDigit))
            {
                continue;
            }

            var hash = PhraseSeed;
            for (var length = 1; length <= MaxLength && i + length <= sentence.Length; length++)
            {
                hash = Extend(hash, sentence[i + length - 1].Word);
                if (entries.TryGetValue(hash, out var types))
                {
                    if (leaveOut is not null && leaveOut.TryGetValue(hash, out var own))
                    {
                        types = (byte)(types & ~own);
                    }

                    MarkMatch(sentence.Slice(i, length), types, names);
                }

                if (!prefixes.Contains(hash))
                {
                    break;
                }
            }
        }
    }

    private static ulong Extend(ulong phrase, ulong word) => FeatureHash.Combine(phrase, word);

    private static void MarkMatch(Span<TokenAtoms> match, byte types, bool names)
    {
        for (var type = 0; type < NerLabels.TypeCount; type++)
        {
            if ((types & (1 << type)) == 0)
            {
                continue;
            }

            for (var i = 0; i < match.Length; i++)
            {
                var position = match.Length == 1 ? NerLabels.Unit
                    : i == 0 ? NerLabels.Begin
                    : i == match.Length - 1 ? NerLabels.Last
                    : NerLabels.Inside;
                var bit = (ushort)(1 << NerLabels.Label(type, position));
                if (names)
                {
                    match[i].Names |= bit;
                }
                else
                {
                    match[i].Gazetteer |= bit;
                }
            }
        }
    }
}
