using Summaries.Contracts.Entity.V1;
using Summaries.Replicas.Tests.Infrastructure;
using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Entity;

/// <summary>The same new person registered at once through two entity replicas is one entity.</summary>
[Collection(ReplicaCollection.Name)]
public sealed class ConcurrentRegistrationTests(ReplicaFixture fixture)
{
    [SkippableFact]
    public async Task AnnotateArticle_SamePersonAtOnceOnTwoReplicas_OneEntity()
    {
        var system = fixture.System;
        var run = Guid.NewGuid().ToString("N")[..8];
        var surname = "Quentova" + new string(run.Where(char.IsLetter).Take(3).Select(char.ToLowerInvariant).ToArray());
        var person = "Marta " + char.ToUpperInvariant(surname[0]) + surname[1..];
        var calls = Enumerable.Range(0, 8).Select(n =>
        {
            var article = TestArticles.Make(run, n, person);
            return system.EntityAt(n % 2).AnnotateArticleAsync(new AnnotateArticleRequest
            {
                ArticleName = $"articles/replica-{run}-{n}",
                Title = article.Title,
                Text = article.Body,
            }).ResponseAsync;
        });

        var annotations = await Task.WhenAll(calls);

        var ids = annotations
            .SelectMany(a => a.Annotation.Entities)
            .Where(e => e.DisplayName.Contains(person.Split(' ')[1], StringComparison.Ordinal))
            .Select(e => e.EntityName)
            .Distinct()
            .ToList();
        Assert.Single(ids);
        foreach (var replica in new[] { 0, 1 })
        {
            var entity = (await system.EntityAt(replica).GetEntityAsync(new GetEntityRequest { Name = ids[0] })).Entity;
            Assert.Equal(8, entity.ArticleNames.Count(n => n.Contains(run, StringComparison.Ordinal)));
        }
    }
}
