using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Summary;

/// <summary>What one summary replica wrote or named, every replica serves alike.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class SharedBriefingTests(ReplicaFixture fixture)
{
    [SkippableFact]
    public async Task CreateBriefing_CachedByOneReplica_ServedByTheOther()
    {
        var system = fixture.System;
        var seed = await SeedAsync(system);
        var request = new CreateBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin, Length = BriefingLength.Short },
        };

        var first = (await system.SummaryAt(0).CreateBriefingAsync(request)).Briefing;
        var second = (await system.SummaryAt(1).CreateBriefingAsync(request)).Briefing;
        var fetched = (await system.SummaryAt(1).GetBriefingAsync(new GetBriefingRequest { Name = first.Name })).Briefing;

        Assert.True(second.Cached, "The second replica wrote the briefing again instead of serving the first one's.");
        Assert.Equal(first.Name, second.Name);
        Assert.Equal(first.Sections, second.Sections);
        Assert.Equal(first.Sections, fetched.Sections);
    }

    [SkippableFact]
    public async Task ListStories_SameArticles_SameNamesOnEveryReplica()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = new List<string>();
        for (var n = 0; n < 4; n++)
        {
            var created = await system.IngestionAt(n % 2).CreateArticleAsync(new CreateArticleRequest { Article = TestArticles.Make(run, n) });
            names.Add(created.Article.Name);
        }

        foreach (var name in names)
        {
            await system.AnnotatedAsync(name);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, system.Replicas).Select(async replica =>
            (await system.SummaryAt(replica).ListStoriesAsync(new ListStoriesRequest { PageSize = 100 })).Stories
                .Select(s => (s.Name, Articles: string.Join(',', s.ArticleNames.Order(StringComparer.Ordinal))))
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .ToList()));

        Assert.NotEmpty(answers[0]);
        Assert.Contains(answers[0], s => names.Any(n => s.Articles.Contains(n, StringComparison.Ordinal)));
        Assert.Equal(answers[0], answers[1]);
    }

    private static async Task<Article> SeedAsync(ReplicaSystem system)
    {
        var listed = await system.IngestionAt(0).ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 });
        var seed = listed.Articles.Single(a => a.Body.Contains("Blinken", StringComparison.Ordinal));
        return await system.AnnotatedAsync(seed.Name);
    }
}
