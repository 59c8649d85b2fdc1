using Google.Rpc;
using Grpc.Core;
using Summaries.Contracts.Entity.V1;

namespace Summaries.Entity.Tests.Grpc;

public sealed class EntityGrpcServiceTests(EntityServiceFixture service) : IClassFixture<EntityServiceFixture>
{
    private EntityService.EntityServiceClient Client => service.Client;

    [Fact]
    public async Task AnnotateText_Seed_FindsPeopleOrganisationsPlacesAndQuotes()
    {
        var response = await Client.AnnotateTextAsync(new AnnotateTextRequest { Text = EntityServiceFixture.SeedText });
        var a = response.Annotation;

        Assert.Contains(a.Entities, e => e.DisplayName == "Antony Blinken" && e.Type == EntityType.Person);
        Assert.Contains(a.Entities, e => e.DisplayName == "Xi Jinping" && e.Type == EntityType.Person);
        Assert.Contains(a.Entities, e => e.DisplayName == "Beijing" && e.Type == EntityType.Location);
        Assert.Contains(a.Entities, e => e.Type == EntityType.Organization);
        var xi = a.Entities.Single(e => e.DisplayName == "Xi Jinping");
        Assert.Contains(a.Quotes, q => q.Direct && q.SpeakerKey == xi.Key);
        Assert.All(a.Quotes, q => Assert.Equal(q.Text, EntityServiceFixture.SeedText[q.Start..q.End]));
        Assert.All(a.Mentions, m => Assert.Equal(m.Text, EntityServiceFixture.SeedText[m.Start..m.End]));
        Assert.DoesNotContain(a.Entities, e => e.EntityName.Length > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task AnnotateText_EmptyText_InvalidArgumentOnText(string text)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.AnnotateTextAsync(new AnnotateTextRequest { Text = text }).ResponseAsync);

        AssertViolation(ex, "text");
    }

    [Fact]
    public async Task AnnotateArticle_Seed_StoredAndRegistered()
    {
        var annotated = await Client.AnnotateArticleAsync(new AnnotateArticleRequest
        {
            ArticleName = "articles/seed1", Title = "Blinken meets Xi", Text = EntityServiceFixture.SeedText,
        });
        var stored = await Client.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/seed1" });

        Assert.Equal(annotated.Annotation, stored.Annotation);
        var xi = stored.Annotation.Entities.Single(e => e.DisplayName == "Xi Jinping");
        Assert.Equal("entities/person-xi-jinping", xi.EntityName);
        var entity = (await Client.GetEntityAsync(new GetEntityRequest { Name = xi.EntityName })).Entity;
        Assert.Contains("articles/seed1", entity.ArticleNames);
        Assert.True(entity.MentionCount >= 5, $"Xi is mentioned often; got {entity.MentionCount}");
    }

    [Fact]
    public async Task AnnotateArticle_SameArticleTwice_CountsNotDoubled()
    {
        var request = new AnnotateArticleRequest { ArticleName = "articles/twice", Text = "Angela Merkel met Emmanuel Macron in Paris. Ms Merkel spoke first." };
        await Client.AnnotateArticleAsync(request);
        var first = (await Client.GetEntityAsync(new GetEntityRequest { Name = "entities/person-angela-merkel" })).Entity.MentionCount;

        await Client.AnnotateArticleAsync(request);
        var second = (await Client.GetEntityAsync(new GetEntityRequest { Name = "entities/person-angela-merkel" })).Entity.MentionCount;

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task AnnotateArticle_TwoArticlesSamePerson_OneEntityListingBoth()
    {
        await Client.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "articles/p1", Text = "Prime Minister Jacinda Ardern visited Wellington on Monday." });
        await Client.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "articles/p2", Text = "New Zealand's Jacinda Ardern spoke in Auckland. Ms Ardern said little." });

        var entity = (await Client.GetEntityAsync(new GetEntityRequest { Name = "entities/person-jacinda-ardern" })).Entity;

        Assert.Contains("articles/p1", entity.ArticleNames);
        Assert.Contains("articles/p2", entity.ArticleNames);
        Assert.Equal(entity.ArticleNames.Count, entity.ArticleCount);
    }

    [Fact]
    public async Task ListEntities_FilterAndPages_EachEntityOnceAndOfTheRightType()
    {
        await Client.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "articles/list1", Text = EntityServiceFixture.SeedText });

        var seen = new List<Summaries.Contracts.Entity.V1.Entity>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 2, PageToken = token, Filter = "type = PERSON AND article = \"articles/list1\"" });
            Assert.True(page.Entities.Count <= 2);
            seen.AddRange(page.Entities);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.All(seen, e => Assert.Equal(EntityType.Person, e.Type));
        Assert.Equal(seen.Count, seen.Select(e => e.Name).Distinct().Count());
        Assert.Contains(seen, e => e.DisplayName == "Antony Blinken");
    }

    [Fact]
    public async Task ListEntities_FilterChangedBetweenPages_InvalidArgumentOnPageToken()
    {
        await Client.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "articles/bound1", Text = EntityServiceFixture.SeedText });
        var first = await Client.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1, Filter = "article = \"articles/bound1\"" });
        Assert.NotEmpty(first.NextPageToken);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListEntitiesAsync(
            new ListEntitiesRequest { PageSize = 1, PageToken = first.NextPageToken, Filter = "type = PERSON" }).ResponseAsync);

        AssertViolation(ex, "page_token");
        Assert.Contains("different filter", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("colour = RED", "", "filter")]
    [InlineData("type = ALIEN", "", "filter")]
    [InlineData("", "not-a-token", "page_token")]
    public async Task ListEntities_BadArguments_InvalidArgument(string filter, string token, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListEntitiesAsync(new ListEntitiesRequest { Filter = filter, PageToken = token }).ResponseAsync);

        AssertViolation(ex, field);
    }

    [Fact]
    public async Task ListEntities_SeveralBadArguments_AllReportedAtOnce()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListEntitiesAsync(
            new ListEntitiesRequest { PageSize = -1, PageToken = "not-a-token", Filter = "colour = RED" }).ResponseAsync);

        Assert.Equal(
            ["filter", "page_size", "page_token"],
            ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListEntities_FilterOverTheLengthLimit_InvalidArgumentOnFilter()
    {
        var filter = string.Join(" AND ", Enumerable.Repeat("type = PERSON", 1_000));
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListEntitiesAsync(new ListEntitiesRequest { Filter = filter }).ResponseAsync);

        AssertViolation(ex, "filter");
        Assert.Contains("at most 2000 characters", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEntityAndAnnotation_Unknown_NotFound()
    {
        var entity = await Assert.ThrowsAsync<RpcException>(() => Client.GetEntityAsync(new GetEntityRequest { Name = "entities/person-nobody" }).ResponseAsync);
        var annotation = await Assert.ThrowsAsync<RpcException>(() => Client.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/never" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, entity.StatusCode);
        Assert.Equal(StatusCode.NotFound, annotation.StatusCode);
    }

    [Fact]
    public async Task AnnotateArticle_BadName_InvalidArgumentOnArticleName()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "seed", Text = "x" }).ResponseAsync);

        AssertViolation(ex, "article_name");
    }

    [Fact]
    public async Task BatchAnnotateArticles_OneInvalidAmongThree_OthersStoredResultsInOrder()
    {
        var request = new BatchAnnotateArticlesRequest();
        request.Requests.Add(new AnnotateArticleRequest { ArticleName = "articles/batch1", Text = EntityServiceFixture.SeedText });
        request.Requests.Add(new AnnotateArticleRequest { ArticleName = "../batch2", Text = "" });
        request.Requests.Add(new AnnotateArticleRequest { ArticleName = "articles/batch3", Text = "Angela Merkel met Emmanuel Macron in Paris." });

        var results = (await Client.BatchAnnotateArticlesAsync(request)).Results;

        Assert.Equal(["articles/batch1", "../batch2", "articles/batch3"], results.Select(r => r.ArticleName));
        Assert.Null(results[0].Status);
        Assert.Null(results[2].Status);
        Assert.Equal((int)Google.Rpc.Code.InvalidArgument, results[1].Status.Code);
        var badRequest = results[1].Status.Details.Select(d => d.TryUnpack<Google.Rpc.BadRequest>(out var b) ? b : null).Single(b => b is not null)!;
        Assert.Equal(["article_name", "text"], badRequest.FieldViolations.Select(v => v.Field));
#pragma warning disable CS0612 // the deprecated error is still filled for one release
        Assert.Null(results[0].Error);
        Assert.Equal("INVALID_ARGUMENT", results[1].Error.Code);
        Assert.Equal(["article_name", "text"], results[1].Error.FieldViolations.Select(v => v.Field));
#pragma warning restore CS0612
        var first = await Client.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/batch1" });
        var single = await Client.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "articles/batch1", Text = EntityServiceFixture.SeedText });
        Assert.Equal(single.Annotation, first.Annotation);
        Assert.Equal(first.Annotation.Entities.Count, results[0].EntityCount);
        var third = await Client.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/batch3" });
        Assert.Contains(third.Annotation.Entities, e => e.DisplayName == "Angela Merkel");
        Assert.Equal(0, results[1].EntityCount);
    }

    [Fact]
    public async Task BatchAnnotateArticles_Empty_NoResults() =>
        Assert.Empty((await Client.BatchAnnotateArticlesAsync(new BatchAnnotateArticlesRequest())).Results);

    [Fact]
    public async Task BatchAnnotateArticles_OverTheLimit_InvalidArgumentOnRequestsNothingStored()
    {
        var request = new BatchAnnotateArticlesRequest();
        request.Requests.Add(Enumerable.Range(0, 101).Select(i => new AnnotateArticleRequest { ArticleName = $"articles/many{i}", Text = "Ana Ruiz spoke." }));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.BatchAnnotateArticlesAsync(request).ResponseAsync);

        AssertViolation(ex, "requests");
        var stored = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/many0" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stored.StatusCode);
    }

    private static void AssertViolation(RpcException ex, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == field);
    }
}
