using Summaries.Contracts.Ingestion.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Items for one stream case, under a source of their own so what was stored can be listed afterwards.</summary>
public sealed class StreamItems
{
    private readonly string _source;

    public StreamItems(string label, int count)
    {
        _source = $"hostile {label} {Guid.NewGuid():N}";
        Requests = Enumerable.Range(0, count)
            .Select(i => (HostileSystemFixture.NewArticle($"{label} {i}", a => a.Source = _source), $"{label}-{i}-{Guid.NewGuid():N}"))
            .ToList();
    }

    public IReadOnlyList<(Article Article, string RequestId)> Requests { get; }

    /// <summary>Exactly <paramref name="expected"/> articles under the source, each one's title and body as sent.</summary>
    public async Task AssertStoredWholeAsync(HostileSystemFixture system, int expected)
    {
        var stored = (await system.IngestionClient.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{_source}\"" })).Articles;
        Assert.Equal(expected, stored.Count);
        foreach (var article in stored)
        {
            var sent = Assert.Single(Requests, r => r.Article.Title == article.Title).Article;
            Assert.Equal(sent.Body, article.Body);
        }
    }

    /// <summary>
    /// Sends every item again in a new batch with the same request ids: whatever the interrupted call
    /// stored is returned, the rest is stored, and each item ends up stored exactly once.
    /// </summary>
    public async Task ResendAndAssertEachStoredOnceAsync(HostileSystemFixture system)
    {
        using var call = system.IngestionClient.BatchCreateArticles();
        foreach (var (article, requestId) in Requests)
        {
            await call.RequestStream.WriteAsync(new BatchCreateArticlesRequest { Article = article, RequestId = requestId });
        }

        await call.RequestStream.CompleteAsync();
        var resent = await call;
        Assert.Equal(Requests.Count, resent.CreatedCount);
        await AssertStoredWholeAsync(system, Requests.Count);
    }
}
