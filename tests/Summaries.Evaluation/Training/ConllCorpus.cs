using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>A sentence of a CoNLL file: its tokens and their gold IOB tags (last column).</summary>
public sealed record ConllSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);

/// <summary>A document of a CoNLL file: the sentences between two <c>-DOCSTART-</c> lines.</summary>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences)
{
    public NerDocument ToNerDocument() => NerDocument.FromSentences(Sentences.Select(s => s.Tokens).ToList());

    public int TokenCount => Sentences.Sum(s => s.Tokens.Count);
}

/// <summary>
/// Reads CoNLL-2003 files (<c>token POS chunk NER</c>, blank line between sentences). Only the first
/// and last columns are kept: raw news has no POS or chunk tags, so the model must not rely on them.
/// </summary>
public static class ConllCorpus
{
    public static List<ConllDocument> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static List<ConllDocument> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();

        void EndSentence()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new ConllSentence(tokens.ToArray(), tags.ToArray()));
                tokens.Clear();
                tags.Clear();
            }
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument(sentences.ToArray()));
                sentences.Clear();
            }
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                EndSentence();
                continue;
            }

            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            tokens.Add(columns[0]);
            tags.Add(columns[^1]);
        }

        EndDocument();
        return documents;
    }
}
