using System.Text.Json;
using Summaries.Evaluation.Briefings;

namespace Summaries.Evaluation.Faithfulness;

/// <summary>
/// One judged summary of FRANK (<c>frank_summaries_dev.jsonl</c>: all its sentences) or one judged
/// sentence (<c>frank_dev.jsonl</c>: a one-sentence "summary"), with its human label.
/// </summary>
internal sealed record FrankRecord(
    string Id, string Dataset, string ArticleId, string System, string Article,
    IReadOnlyList<string> Sentences, bool Supported, IReadOnlyList<string> ErrorTypes)
{
    public static IEnumerable<FrankRecord> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var sentences = r.TryGetProperty("sentences", out var many)
                ? many.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToList()
                : [r.GetProperty("sentence").GetString() ?? string.Empty];
            var errors = new List<string>();
            if (r.TryGetProperty("error_types", out var types) && types.ValueKind == JsonValueKind.Array)
            {
                errors.AddRange(types.EnumerateArray().Select(t => t.GetString() ?? string.Empty));
            }
            else if (r.TryGetProperty("error_shares", out var shares) && shares.ValueKind == JsonValueKind.Object)
            {
                errors.AddRange(shares.EnumerateObject().Where(p => p.Value.GetDouble() > 0).Select(p => p.Name));
            }

            yield return new FrankRecord(
                r.GetProperty("id").GetString()!,
                r.GetProperty("dataset").GetString()!,
                r.GetProperty("article_id").GetString()!,
                r.GetProperty("system").GetString()!,
                r.GetProperty("article").GetString()!,
                sentences,
                r.GetProperty("label").GetString() == "supported",
                errors);
        }
    }

    /// <summary>
    /// The half of the development data an article falls in (<see cref="EvaluationSplit"/>, by its
    /// id): "tune" (the checker's settings were chosen on it) or "test" (never looked at while tuning).
    /// </summary>
    public string Part => EvaluationSplit.PartOf(ArticleId);
}
