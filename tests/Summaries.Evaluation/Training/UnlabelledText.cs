using System.Text.Json;
using Summaries.Language;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>
/// Plain news text for inducing word clusters: folders of .txt files and JSONL files whose records
/// carry a "text" or "article" string. Each text is split by the service's own tokenizer, so the
/// clusters see words as the service will.
/// </summary>
internal static class UnlabelledText
{
    /// <summary>The shared data set's unlabelled news, relative to its root (the CoNLL folder's parent).</summary>
    public static IReadOnlyList<string> DefaultSources(string dataRoot) =>
    [
        Path.Combine(dataRoot, "polnear", "polnear_dev", "text"),
        Path.Combine(dataRoot, "polnear", "polnear_train", "text"),
        Path.Combine(dataRoot, "wikinews", "dev_articles.jsonl"),
        Path.Combine(dataRoot, "summarization", "cnndm_train_dev_30.jsonl"),
    ];

    /// <summary>Every text of the sources, in a fixed order (files sorted by name).</summary>
    public static IEnumerable<string> Texts(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            if (Directory.Exists(source))
            {
                foreach (var file in Directory.EnumerateFiles(source, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return File.ReadAllText(file);
                }
            }
            else if (source.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var line in File.ReadLines(source))
                {
                    if (TextOf(line) is { } text)
                    {
                        yield return text;
                    }
                }
            }
            else
            {
                yield return File.ReadAllText(source);
            }
        }
    }

    /// <summary>Sentences of tokens of every text, tokenized as the service tokenizes.</summary>
    public static IEnumerable<IReadOnlyList<string>> Sentences(IEnumerable<string> sources)
    {
        var annotator = new RuleBasedAnnotator();
        foreach (var text in Texts(sources))
        {
            var tokenized = annotator.Tokenize(text);
            for (var s = 0; s < tokenized.Sentences.Count; s++)
            {
                var first = tokenized.SentenceFirstToken[s];
                var end = tokenized.SentenceEndToken[s];
                if (end > first)
                {
                    yield return tokenized.Surface[first..end];
                }
            }
        }
    }

    private static string? TextOf(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        using var json = JsonDocument.Parse(line);
        foreach (var name in (string[])["text", "article"])
        {
            if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
