using System.Text.Json;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Summaries.Ingestion.Tests.Duplicates;

/// <summary>
/// The threshold against real multi-source news: the 57 WikinewsSum development articles (17 events,
/// 2-6 outlets each; not in the repository, licensing forbids copying them). Different outlets'
/// reports of one event must not be linked; the one pair that is the same Press Association story
/// run by two sites (event 028, sources 2 and 3) must be.
/// </summary>
public sealed class DevSetDuplicateTests(ITestOutputHelper output)
{
    private static readonly string DevArticles = SharedData("wikinews/dev_articles.jsonl");

    /// <summary>The shared development data: beside the repository (as CI lays it out), else /work/shared.</summary>
    private static string SharedData(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Summaries.sln")))
        {
            dir = dir.Parent;
        }

        var beside = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "data", relative) : null;
        return beside is not null && Path.Exists(beside) ? beside : Path.Combine("/work/shared/data", relative);
    }

    private static readonly (string, string) SameWireStory = ("wikinewssum-en-028-src2", "wikinewssum-en-028-src3");

    [SkippableFact]
    public void Jaccard_AllPairsOfDevArticles_OnlyTheSharedWireStoryReachesTheThreshold()
    {
        var articles = Load();
        var threshold = new Ingestion.Options.DuplicateOptions().Threshold;
        var shingles = articles.Select(a => Shingles.Of(TextCleaner.Clean(a.Text).Text)).ToList();
        var flagged = new List<(string, string)>();
        var pairs = 0;
        var highestOther = 0.0;
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                pairs++;
                var similarity = Shingles.Jaccard(shingles[i], shingles[j]);
                if (similarity >= threshold)
                {
                    flagged.Add((articles[i].Id, articles[j].Id));
                }
                else
                {
                    highestOther = Math.Max(highestOther, similarity);
                }
            }
        }

        output.WriteLine($"{pairs} pairs, {flagged.Count} at or above {threshold}: {string.Join(", ", flagged)}; highest other {highestOther:F3}");
        Assert.Equal(1596, pairs);
        Assert.Equal([SameWireStory], flagged);
        Assert.True(highestOther < threshold - 0.1, $"closest different pair scores {highestOther:F3}");
    }

    [SkippableFact]
    public async Task CreateAsync_AllDevArticles_OnlyTheSharedWireStoryLinked()
    {
        var articles = Load();
        using var harness = new DomainHarness();
        var stored = new Dictionary<string, Article>();
        foreach (var a in articles)
        {
            var input = new ArticleInput(a.Title, a.Text, "WikinewsSum " + a.ClusterId, Url: "", Language: "en");
            stored[a.Id] = (await harness.Articles.CreateAsync(new CreateArticleCommand(input, a.Id), CancellationToken.None)).Article;
        }

        var linked = stored.Where(p => p.Value.DuplicateOf.Length > 0).ToList();
        output.WriteLine($"{stored.Count} stored, {linked.Count} linked: {string.Join(", ", linked.Select(p => $"{p.Key} → {p.Value.DuplicateOf} ({p.Value.DuplicateSimilarity:F3})"))}");
        var (original, copy) = SameWireStory;
        var link = Assert.Single(linked);
        Assert.Equal(copy, link.Key);
        Assert.Equal(stored[original].Name, link.Value.DuplicateOf);
        Assert.Equal(stored[original].DuplicateGroup, link.Value.DuplicateGroup);
    }

    private static List<DevArticle> Load()
    {
        Skip.IfNot(File.Exists(DevArticles), $"WikinewsSum development articles not found at {DevArticles}; threshold check skipped.");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return File.ReadLines(DevArticles).Select(l => JsonSerializer.Deserialize<DevArticle>(l, options)!).ToList();
    }

    private sealed record DevArticle(string Id, string ClusterId, string Title, string Text);
}
