using System.Text.Json;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Options;
using Summaries.Summary.Sources;
using Summaries.Summary.Stories;

namespace Summaries.Evaluation.Briefings;

/// <summary>One WikinewsSum source article: its gold event, its annotated source and its grouping candidate.</summary>
internal sealed record StoryArticle(string Id, string EventId, SourceDocument Source, StoryCandidate Candidate);

/// <summary>
/// The WikinewsSum events mixed together, prepared as the services would: annotated with registry
/// names (entity service), body cleaned and near-duplicates linked by shingle Jaccard (ingestion).
/// The articles have no publish times, so time plays no part.
/// </summary>
internal static class StoryCorpus
{
    public static List<StoryArticle> Load(string clustersPath, string articlesPath, BriefingPipeline pipeline)
    {
        var texts = File.ReadLines(articlesPath).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var gold = new List<(string Id, string EventId)>();
        foreach (var line in File.ReadLines(clustersPath).Where(l => l.Trim().Length > 0))
        {
            using var cluster = JsonDocument.Parse(line);
            var eventId = cluster.RootElement.GetProperty("id").GetString()!;
            gold.AddRange(cluster.RootElement.GetProperty("articles").EnumerateArray()
                .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetProperty("id").GetString()!)
                .Where(texts.ContainsKey)
                .Select(id => (id, eventId)));
        }

        var cleaned = gold.Select(g => TextCleaner.Clean(texts[g.Id].GetProperty("text").GetString()!).Text).ToList();
        var duplicateOf = DuplicateOriginals(cleaned);
        return gold.Select((g, i) =>
        {
            var title = texts[g.Id].GetProperty("title").GetString() ?? string.Empty;
            var source = pipeline.Source("articles/" + g.Id, title, texts[g.Id].GetProperty("text").GetString()!, Outlet(texts[g.Id]), registered: true);
            var candidate = new StoryCandidate(source.ArticleName, title, cleaned[i], null, null,
                "stories/" + gold[duplicateOf[i]].Id, StoryCandidate.EntitiesOf(source.Annotation));
            return new StoryArticle(g.Id, g.EventId, source, candidate);
        }).ToList();
    }

    /// <summary>
    /// Unrelated articles to mix in (jsonl with <c>text</c> or <c>article</c>; one per distinct
    /// <c>article</c> id when present), each its own event: a larger, noisier candidate set.
    /// </summary>
    public static List<StoryArticle> LoadDistractors(IEnumerable<string> paths, BriefingPipeline pipeline)
    {
        var result = new List<StoryArticle>();
        foreach (var path in paths)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
            {
                var e = JsonDocument.Parse(line).RootElement;
                var hasText = e.TryGetProperty("text", out var t);
                var text = (hasText ? t : e.GetProperty("article")).GetString()!;
                var key = hasText && e.TryGetProperty("article", out var a) ? a.GetString()! : e.GetProperty("id").GetString()!;
                if (!seen.Add(key))
                {
                    continue;
                }

                var id = $"x{result.Count}";
                var title = text.Split('\n', 2)[0].Trim();
                var source = pipeline.Source("articles/" + id, title, text, registered: true);
                var candidate = new StoryCandidate(source.ArticleName, title, TextCleaner.Clean(text).Text, null, null,
                    null, StoryCandidate.EntitiesOf(source.Annotation));
                result.Add(new StoryArticle(id, "distractor-" + id, source, candidate));
            }
        }

        return result;
    }

    /// <summary>The outlet of a WikinewsSum article, as ingestion's clients give it: its URL's host.</summary>
    public static string Outlet(JsonElement article) =>
        article.TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) ? uri.Host : string.Empty;

    /// <summary>For each article, the earliest article it is a near-duplicate of (itself for an original), at ingestion's threshold.</summary>
    private static int[] DuplicateOriginals(List<string> cleaned)
    {
        var threshold = new DuplicateOptions().Threshold;
        var shingles = cleaned.Select(Shingles.Of).ToList();
        var original = Enumerable.Range(0, cleaned.Count).ToArray();
        for (var j = 0; j < cleaned.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (original[i] == i && Shingles.Jaccard(shingles[i], shingles[j]) >= threshold)
                {
                    original[j] = i;
                    break;
                }
            }
        }

        return original;
    }
}
