using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Summaries.Testing;

namespace Summaries.Load;

/// <summary>A real news article for the replica benchmark: its title, body and where it came from.</summary>
public sealed record BenchArticle(string Title, string Body, string Source);

/// <summary>
/// Distinct real news articles from the shared development data (PolNeAR, WikinewsSum, CNN/Daily
/// Mail, CoNLL-2003 Reuters): real text gives the annotator real entity and quote density, which
/// shuffled copies of one article do not. Exact repeats are dropped; the order is shuffled with a
/// fixed seed so every run (and every replica count in a run) ingests the same articles.
/// </summary>
public static partial class BenchArticles
{
    /// <summary>CoNLL documents shorter than this (score lines, one-line briefs) are left out.</summary>
    private const int MinConllWords = 60;

    /// <summary>A first line longer than this is a paragraph, not a headline.</summary>
    private const int MaxTitleChars = 200;

    public static IReadOnlyList<BenchArticle> Load()
    {
        var articles = new List<BenchArticle>();
        articles.AddRange(PolNeAR("polnear/polnear_dev/text"));
        articles.AddRange(PolNeAR("polnear/polnear_train/text"));
        articles.AddRange(Jsonl("wikinews/dev_articles.jsonl", "text", "WikinewsSum"));
        articles.AddRange(Jsonl("summarization/cnndm_train_dev_30.jsonl", "article", "CNN/Daily Mail"));
        articles.AddRange(Jsonl("summarization/cnndm_frank_dev.jsonl", "article", "CNN/Daily Mail"));
        articles.AddRange(Conll("conll2003/train.txt"));
        articles.AddRange(Conll("conll2003/valid.txt"));
        var distinct = articles.DistinctBy(a => a.Body, StringComparer.Ordinal).ToArray();
        new Random(17).Shuffle(distinct);
        return distinct;
    }

    private static IEnumerable<BenchArticle> PolNeAR(string folder)
    {
        var path = SharedData.PathOf(folder);
        if (!Directory.Exists(path))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal))
        {
            var (title, body) = SplitFirstLine(File.ReadAllText(file));
            yield return new BenchArticle(title, body, "PolNeAR");
        }
    }

    private static IEnumerable<BenchArticle> Jsonl(string file, string textField, string source)
    {
        var path = SharedData.PathOf(file);
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty(textField).GetString() ?? string.Empty;
            var (title, body) = document.RootElement.TryGetProperty("title", out var t) && t.GetString() is { Length: > 0 } given
                ? (given, text.StartsWith(given, StringComparison.Ordinal) ? text[given.Length..].TrimStart() : text)
                : SplitFirstLine(text);
            yield return new BenchArticle(title, body, source);
        }
    }

    /// <summary>CoNLL-2003 documents, one token a line: the first sentence is the headline, each later one a paragraph.</summary>
    private static IEnumerable<BenchArticle> Conll(string file)
    {
        var path = SharedData.PathOf(file);
        if (!File.Exists(path))
        {
            yield break;
        }

        var sentences = new List<string>();
        var tokens = new List<string>();
        foreach (var line in File.ReadLines(path).Append("-DOCSTART- -X- -X- O"))
        {
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (tokens.Count > 0)
                {
                    sentences.Add(Detokenise(tokens));
                    tokens.Clear();
                }

                if (line.Length > 0 && sentences.Count > 1)
                {
                    var body = string.Join("\n\n", sentences.Skip(1));
                    if (body.Split(' ').Length >= MinConllWords)
                    {
                        yield return new BenchArticle(sentences[0], body, "Reuters (CoNLL-2003)");
                    }
                }

                if (line.Length > 0)
                {
                    sentences.Clear();
                }

                continue;
            }

            tokens.Add(line[..line.IndexOf(' ', StringComparison.Ordinal)]);
        }
    }

    /// <summary>The first line is the headline, unless it is a paragraph: then its first words head the whole text.</summary>
    private static (string Title, string Body) SplitFirstLine(string text)
    {
        text = text.Trim();
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        if (end is > 0 and <= MaxTitleChars)
        {
            return (text[..end].Trim(), text[(end + 1)..].Trim());
        }

        var cut = text.LastIndexOf(' ', Math.Min(MaxTitleChars, text.Length - 1));
        return (text[..(cut > 0 ? cut : Math.Min(MaxTitleChars, text.Length))].Trim(), text);
    }

    /// <summary>Tokens back into text: no space before closing punctuation and clitics.</summary>
    private static string Detokenise(List<string> tokens)
    {
        var text = new StringBuilder().AppendJoin(' ', tokens).ToString();
        return SpaceBeforePunctuation().Replace(text, "$1");
    }

    [GeneratedRegex(@" ([.,;:!?)%]|'s\b|n't\b|'re\b|'ll\b)")]
    private static partial Regex SpaceBeforePunctuation();
}
