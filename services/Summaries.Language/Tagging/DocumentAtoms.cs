namespace Summaries.Language.Tagging;

/// <summary>
/// The atoms of every token of one document, with each sentence's case. Reused from document to
/// document by one tagger, so its arrays only grow.
/// </summary>
internal sealed class DocumentAtoms(AtomBuilder builder, Gazetteer gazetteer, Gazetteer names)
{
    private TokenAtoms[] atoms = new TokenAtoms[256];
    private SentenceCase[] cases = new SentenceCase[16];

    public int Count { get; private set; }

    public NerDocument Document { get; private set; } = NerDocument.FromSentences([]);

    public Span<TokenAtoms> Atoms => atoms.AsSpan(0, Count);

    public SentenceCase CaseOf(int sentence) => cases[sentence];

    /// <param name="leaveOut">For training: the gazetteer types found only in this document.</param>
    public void Build(NerDocument document, IReadOnlyDictionary<ulong, byte>? leaveOut = null)
    {
        Document = document;
        Count = document.Tokens.Count;
        if (atoms.Length < Count)
        {
            atoms = new TokenAtoms[Math.Max(Count, atoms.Length * 2)];
        }

        if (cases.Length < document.SentenceCount)
        {
            cases = new SentenceCase[Math.Max(document.SentenceCount, cases.Length * 2)];
        }

        for (var i = 0; i < Count; i++)
        {
            atoms[i] = builder.Build(document.Tokens[i]);
        }

        for (var s = 0; s < document.SentenceCount; s++)
        {
            var sentence = atoms.AsSpan(document.SentenceStarts[s], document.SentenceEnds[s] - document.SentenceStarts[s]);
            MarkSentenceInitial(sentence);
            cases[s] = Classify(sentence);
            gazetteer.Mark(sentence, leaveOut);
            names.Mark(sentence, null, names: true);
        }
    }

    private static void MarkSentenceInitial(Span<TokenAtoms> sentence)
    {
        // Opening quotes, brackets and dashes do not make the next word any less sentence-initial.
        for (var i = 0; i < sentence.Length; i++)
        {
            if (sentence[i].Has(TokenFlags.HasLetter) || sentence[i].Has(TokenFlags.HasDigit))
            {
                sentence[i].Flags |= TokenFlags.SentenceInitial;
                return;
            }
        }
    }

    private static SentenceCase Classify(ReadOnlySpan<TokenAtoms> sentence)
    {
        var words = 0;
        var lowercase = 0;
        var capitalised = 0;
        foreach (var atom in sentence)
        {
            if (!atom.Has(TokenFlags.HasLetter))
            {
                continue;
            }

            words++;
            lowercase += atom.Has(TokenFlags.HasLowercase) ? 1 : 0;
            capitalised += atom.Has(TokenFlags.InitialCapital) ? 1 : 0;
        }

        if (words >= 3 && lowercase == 0)
        {
            return SentenceCase.AllCapitals;
        }

        // Headlines in title case leave only short function words in lowercase.
        return words >= 4 && capitalised * 5 >= words * 4 ? SentenceCase.TitleCase : SentenceCase.Normal;
    }
}
