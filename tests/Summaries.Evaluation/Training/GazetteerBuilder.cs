using System.Runtime.InteropServices;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// Builds the <see cref="Gazetteer"/> from the gold entities of the training documents, and for
/// each document the types it must leave out: those of its phrases that no other document has.
/// </summary>
internal sealed class GazetteerBuilder
{
    private readonly Dictionary<ulong, TypeCounts> totals = [];
    private readonly List<Dictionary<ulong, TypeCounts>> perDocument = [];
    private readonly HashSet<ulong> prefixes = [];

    /// <summary>Adds one document's gold entities; documents are numbered in the order they are added.</summary>
    public void Add(ConllDocument document)
    {
        var own = new Dictionary<ulong, TypeCounts>();
        var atoms = new TokenAtoms[Gazetteer.MaxLength];
        foreach (var sentence in document.Sentences)
        {
            foreach (var span in IobSpans.Decode(sentence.Tags))
            {
                var length = span.End - span.Start;
                if (length > Gazetteer.MaxLength)
                {
                    continue;
                }

                for (var i = 0; i < length; i++)
                {
                    atoms[i] = new TokenAtoms { Word = AtomBuilder.WordHash(sentence.Tokens[span.Start + i]) };
                }

                var phrase = Gazetteer.Phrase(atoms.AsSpan(0, length));
                var type = NerLabels.TypeIndex(span.Type);
                CollectionsMarshal.GetValueRefOrAddDefault(own, phrase, out _)[type]++;
                CollectionsMarshal.GetValueRefOrAddDefault(totals, phrase, out _)[type]++;
                AddPrefixes(atoms.AsSpan(0, length));
            }
        }

        perDocument.Add(own);
    }

    public Gazetteer Build()
    {
        var entries = new Dictionary<ulong, byte>(totals.Count);
        foreach (var (phrase, counts) in totals)
        {
            entries.Add(phrase, counts.Mask(TypeCounts.Zero));
        }

        return new Gazetteer(entries, [.. prefixes]);
    }

    /// <summary>Per phrase of document <paramref name="index"/>, the types only that document has.</summary>
    public Dictionary<ulong, byte> LeaveOut(int index)
    {
        var leaveOut = new Dictionary<ulong, byte>();
        foreach (var (phrase, own) in perDocument[index])
        {
            var others = totals[phrase].Minus(own);
            var onlyHere = (byte)(own.Mask(TypeCounts.Zero) & ~others.Mask(TypeCounts.Zero));
            if (onlyHere != 0)
            {
                leaveOut.Add(phrase, onlyHere);
            }
        }

        return leaveOut;
    }

    private void AddPrefixes(ReadOnlySpan<TokenAtoms> phrase)
    {
        for (var length = 1; length < phrase.Length; length++)
        {
            prefixes.Add(Gazetteer.Phrase(phrase[..length]));
        }
    }

    /// <summary>How often a phrase was each type.</summary>
    [System.Runtime.CompilerServices.InlineArray(NerLabels.TypeCount)]
    private struct TypeCounts
    {
        private int count;

        public static TypeCounts Zero => default;

        public readonly TypeCounts Minus(TypeCounts other)
        {
            var result = default(TypeCounts);
            for (var t = 0; t < NerLabels.TypeCount; t++)
            {
                result[t] = this[t] - other[t];
            }

            return result;
        }

        /// <summary>Bit t set where the count for type t exceeds <paramref name="floor"/>'s.</summary>
        public readonly byte Mask(TypeCounts floor)
        {
            var mask = 0;
            for (var t = 0; t < NerLabels.TypeCount; t++)
            {
                mask |= this[t] > floor[t] ? 1 << t : 0;
            }

            return (byte)mask;
        }
    }
}
