namespace Summaries.Language.Tagging;

/// <summary>
/// A document as the tagger sees it: all its tokens and where each sentence starts and ends. The
/// tagger reads whole documents because a name's other uses in the same text are strong evidence
/// ("Blinken" after "Antony Blinken", "JAPAN" in a headline after "Japan" in the story).
/// </summary>
public sealed class NerDocument
{
    public NerDocument(IReadOnlyList<string> tokens, IReadOnlyList<int> sentenceStarts, IReadOnlyList<int> sentenceEnds)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentenceStarts);
        ArgumentNullException.ThrowIfNull(sentenceEnds);
        if (sentenceStarts.Count != sentenceEnds.Count)
        {
            throw new ArgumentException("Every sentence needs a start and an end.", nameof(sentenceEnds));
        }

        Tokens = tokens;
        SentenceStarts = sentenceStarts;
        SentenceEnds = sentenceEnds;
    }

    public IReadOnlyList<string> Tokens { get; }

    public IReadOnlyList<int> SentenceStarts { get; }

    /// <summary>One past each sentence's last token.</summary>
    public IReadOnlyList<int> SentenceEnds { get; }

    public int SentenceCount => SentenceStarts.Count;

    /// <summary>A document of consecutive sentences.</summary>
    public static NerDocument FromSentences(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var tokens = new List<string>();
        var starts = new int[sentences.Count];
        var ends = new int[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            starts[s] = tokens.Count;
            tokens.AddRange(sentences[s]);
            ends[s] = tokens.Count;
        }

        return new NerDocument(tokens, starts, ends);
    }
}
