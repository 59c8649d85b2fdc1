using Summaries.Contracts.Ingestion.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Ingestion;

/// <summary>Creates that race on different replicas of one database still store each article once.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class CrossReplicaCreateTests(ReplicaFixture fixture)
{
    [SkippableFact]
    public async Task CreateArticle_SameRequestIdAtOnceOnTwoReplicas_OneArticle()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var n = 0; n < 12; n++)
        {
            var request = new CreateArticleRequest { Article = TestArticles.Make(run, n), RequestId = $"{run}-{n}" };
            var answers = await Task.WhenAll(
                system.IngestionAt(0).CreateArticleAsync(request).ResponseAsync,
                system.IngestionAt(1).CreateArticleAsync(request).ResponseAsync);

            Assert.Equal(answers[0].Article.Name, answers[1].Article.Name);
        }

        Assert.Equal(12, await CountBySourceUrlAsync(system, run));
    }

    [SkippableFact]
    public async Task CreateArticle_ExactDuplicateSentToTheOtherReplica_ReturnsTheFirst()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        var article = TestArticles.Make(run, 1);

        var first = (await system.IngestionAt(0).CreateArticleAsync(new CreateArticleRequest { Article = article })).Article;
        var again = (await system.IngestionAt(1).CreateArticleAsync(new CreateArticleRequest { Article = article.Clone() })).Article;

        Assert.Equal(first.Name, again.Name);
        Assert.Equal(1, await CountBySourceUrlAsync(system, run));
    }

    [SkippableFact]
    public async Task CreateArticle_NearDuplicateSentToTheOtherReplica_PointsAtTheOriginal()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        var original = TestArticles.Make(run, 1);
        var edited = original.Clone();
        edited.Body = original.Body.Replace("Officials in", "Local officials in", StringComparison.Ordinal) + " More details are expected.";
        edited.Url += "?edited";

        var first = (await system.IngestionAt(0).CreateArticleAsync(new CreateArticleRequest { Article = original })).Article;
        var second = (await system.IngestionAt(1).CreateArticleAsync(new CreateArticleRequest { Article = edited })).Article;

        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(first.Name, second.DuplicateOf);
        Assert.Equal(first.DuplicateGroup, second.DuplicateGroup);
    }

    [SkippableFact]
    public async Task Seeds_LoadedByTwoReplicasAtOnce_StoredOnce()
    {
        var system = fixture.System;

        var seeds = new List<Article>();
        for (var replica = 0; replica < system.Replicas; replica++)
        {
            var listed = await system.IngestionAt(replica).ListArticlesAsync(new ListArticlesRequest { PageSize = 1000 });
            seeds.AddRange(listed.Articles.Where(a => a.Body.Contains("Blinken", StringComparison.Ordinal)));
        }

        Assert.Equal(system.Replicas, seeds.Count);
        Assert.Single(seeds.Select(a => a.Name).Distinct());
    }

    private static async Task<int> CountBySourceUrlAsync(ReplicaSystem system, string run)
    {
        var count = 0;
        var request = new ListArticlesRequest { PageSize = 1000 };
        while (true)
        {
            var page = await system.IngestionAt(0).ListArticlesAsync(request);
            count += page.Articles.Count(a => a.Url.Contains("/" + run + "/", StringComparison.Ordinal));
            if (string.IsNullOrEmpty(page.NextPageToken))
            {
                return count;
            }

            request.PageToken = page.NextPageToken;
        }
    }
}
