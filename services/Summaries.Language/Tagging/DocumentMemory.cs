using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Summaries.Language.Tagging;

/// <summary>Counts per label, kept inline so a document's memory allocates per distinct word, not per use.</summary>
[InlineArray(NerLabels.Count)]
internal struct LabelCounts
{
    private int count;
}

/// <summary>What the document has shown so far about one word.</summary>
internal struct WordMemory
{
    /// <summary>Capitalised uses where a capital means something: not sentence-initial, not in a headline.</summary>
    public int Capitalised;

    /// <summary>Uses starting in lowercase.</summary>
    public int Lowercase;

    /// <summary>How many earlier uses have been labelled, and with what.</summary>
    public int Labelled;
    public LabelCounts Labels;
}

/// <summary>
/// Document-wide evidence for the non-local features (after Ratinov and Roth, 2009): how each word
/// is cased across the whole document, and the labels the tagger gave it in earlier sentences.
/// </summary>
internal sealed class DocumentMemory
{
    private readonly Dictionary<ulong, WordMemory> words = [];

    /// <summary>Starts a document: counts the case of every word in it.</summary>
    public void Start(DocumentAtoms document)
    {
        words.Clear();
        var doc = document.Document;
        var atoms = document.Atoms;
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentenceCase = document.CaseOf(s);
            for (var i = doc.SentenceStarts[s]; i < doc.SentenceEnds[s]; i++)
            {
                var (capitalised, lowercase) = CaseVotes(atoms[i], sentenceCase);
                if (capitalised + lowercase > 0)
                {
                    ref var memory = ref CollectionsMarshal.GetValueRefOrAddDefault(words, atoms[i].Word, out _);
                    memory.Capitalised += capitalised;
                    memory.Lowercase += lowercase;
                }
            }
        }
    }

    /// <summary>Records the labels just given to a sentence, for the sentences after it.</summary>
    public void Remember(ReadOnlySpan<TokenAtoms> sentence, ReadOnlySpan<int> labels)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            if (!sentence[i].Has(TokenFlags.HasLetter))
            {
                continue;
            }

            ref var memory = ref CollectionsMarshal.GetValueRefOrAddDefault(words, sentence[i].Word, out _);
            memory.Labelled++;
            memory.Labels[labels[i]]++;
        }
    }

    public bool TryGet(ulong word, out WordMemory memory) => words.TryGetValue(word, out memory);

    /// <summary>What one use says about the word's case: (capitalised, lowercase), each 0 or 1.</summary>
    public static (int Capitalised, int Lowercase) CaseVotes(in TokenAtoms atom, SentenceCase sentenceCase)
    {
        if (!atom.Has(TokenFlags.HasLetter))
        {
            return (0, 0);
        }

        if (!atom.Has(TokenFlags.InitialCapital) && !atom.Has(TokenFlags.AllCapitals))
        {
            return (0, 1);
        }

        var meaningful = sentenceCase == SentenceCase.Normal && !atom.Has(TokenFlags.SentenceInitial);
        return (meaningful ? 1 : 0, 0);
    }
}
