using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Paging;
using Summaries.Summary.Stories;
using Summaries.Summary.Tests.Grpc.Infrastructure;
using Summaries.Summary.Tests.Stories;

namespace Summaries.Summary.Tests.Grpc;

/// <summary>
/// ListStories and story-scoped briefings over gRPC: the summary service in memory, reading articles
/// and annotations from a stand-in for the ingestion and entity processes on a loopback port.
/// </summary>
public sealed class ListStoriesGrpcTests : IAsyncLifetime
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"summary-stories-{Guid.NewGuid():N}.db");
    private ArticleArchiveServer _archive = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private GrpcChannel _channel = null!;

    private SummaryService.SummaryServiceClient Client => new(_channel);

    public async Task InitializeAsync()
    {
        _archive = await ArticleArchiveServer.StartAsync();
        var stored = DateTimeOffset.UtcNow.AddMinutes(-30);
        foreach (var (candidate, i) in new[] { StoryCandidates.MergerA, StoryCandidates.Spam, StoryCandidates.MergerB, StoryCandidates.Rocket }
            .Concat(StoryCandidates.Background).Select((c, i) => (c, i)))
        {
            Store(candidate, stored.AddMinutes(i));
        }

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", $"Data Source={_db}");
            b.UseSetting("Clients:IngestionAddress", _archive.Address);
            b.UseSetting("Clients:EntityAddress", _archive.Address);
        });
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
    }

    private void Store(StoryCandidate c, DateTimeOffset storedAt)
    {
        var article = new Article
        {
            Name = c.ArticleName,
            Title = c.Title,
            Body = c.Body,
            CleanedBody = c.Body,
            CreateTime = Timestamp.FromDateTimeOffset(storedAt),
            PublishTime = c.PublishTime is { } p ? Timestamp.FromDateTimeOffset(p) : null,
            DuplicateGroup = "duplicateGroups/" + c.ArticleId,
        };
        var annotation = new Annotation { ArticleName = c.ArticleName };
        annotation.Entities.AddRange(c.Entities.Select((e, k) => new TextEntity
        {
            Key = $"e{k}", EntityName = e.Key, DisplayName = e.DisplayName, Type = System.Enum.Parse<EntityType>(e.Type.ToString()), MentionCount = e.Mentions, Salience = e.Salience,
        }));
        _archive.Contents.Add(article, annotation);
    }

    private async Task<List<Contracts.Summary.V1.Story>> AllPagesAsync(ListStoriesRequest first, Action? betweenPages = null)
    {
        var stories = new List<Contracts.Summary.V1.Story>();
        var request = first.Clone();
        while (true)
        {
            var page = await Client.ListStoriesAsync(request);
            Assert.InRange(page.Stories.Count, 1, Math.Max(1, request.PageSize));
            stories.AddRange(page.Stories);
            if (page.NextPageToken.Length == 0)
            {
                return stories;
            }

            betweenPages?.Invoke();
            request.PageToken = page.NextPageToken;
        }
    }

    [Fact]
    public async Task ListStories_OnePage_GroupsTheMergerReportsOnly()
    {
        var page = await Client.ListStoriesAsync(new ListStoriesRequest());

        Assert.Equal(string.Empty, page.NextPageToken);
        var merger = Assert.Single(page.Stories, s => s.ArticleNames.Count > 1);
        Assert.Equal("stories/mergera.mergerb", merger.Name);
        Assert.Equal(["articles/mergera", "articles/mergerb"], merger.ArticleNames);
        Assert.Contains(merger.Entities, e => e.Entity == "entities/person-edward-lampert" && e.ArticleCount == 2);
        Assert.NotNull(merger.StartTime);
        Assert.Equal(8, page.Stories.Sum(s => s.ArticleNames.Count));
    }

    [Fact]
    public async Task ListStories_PagesOfTwo_SameStoriesInTheSameOrder()
    {
        var whole = (await Client.ListStoriesAsync(new ListStoriesRequest())).Stories;

        var paged = await AllPagesAsync(new ListStoriesRequest { PageSize = 2 });

        Assert.Equal(whole.Select(s => s.Name), paged.Select(s => s.Name));
    }

    [Fact]
    public async Task ListStories_ArticleStoredBetweenPages_LaterPagesUnchanged()
    {
        var before = (await Client.ListStoriesAsync(new ListStoriesRequest())).Stories.Select(s => s.Name).ToList();
        var added = false;

        var paged = await AllPagesAsync(new ListStoriesRequest { PageSize = 3 }, () =>
        {
            if (!added)
            {
                // A third merger report, stored after the first page was asked for.
                Store(StoryCandidates.MergerB with { ArticleName = "articles/mergerc" }, DateTimeOffset.UtcNow);
                added = true;
            }
        });

        Assert.True(added);
        Assert.Equal(before, paged.Select(s => s.Name));
        var fresh = await Client.ListStoriesAsync(new ListStoriesRequest());
        Assert.Contains(fresh.Stories, s => s.Name == "stories/mergera.mergerb.mergerc");
    }

    [Fact]
    public async Task ListStories_Filter_OnlyMatchingStories()
    {
        var page = await Client.ListStoriesAsync(new ListStoriesRequest { Filter = "article_count >= 2 AND entity = \"entities/org-kmart\"" });
        var none = await Client.ListStoriesAsync(new ListStoriesRequest { Filter = "entity = \"entities/org-sophos\" AND article_count >= 2" });

        Assert.Equal(["stories/mergera.mergerb"], page.Stories.Select(s => s.Name));
        Assert.Empty(none.Stories);
    }

    [Fact]
    public async Task ListStories_TimeRange_OnlyArticlesStoredOrPublishedInIt()
    {
        var now = DateTimeOffset.UtcNow;
        var page = await Client.ListStoriesAsync(new ListStoriesRequest
        {
            // The first three stored (merger A, spam, merger B), 30 to 28 minutes ago.
            StartTime = Timestamp.FromDateTimeOffset(now.AddHours(-1)),
            EndTime = Timestamp.FromDateTimeOffset(now.AddMinutes(-27.5)),
        });

        Assert.Equal(["articles/mergera", "articles/mergerb", "articles/spam"], page.Stories.SelectMany(s => s.ArticleNames).Order());
    }

    [Theory]
    [InlineData(-1, "", "", "page_size")]
    [InlineData(10, "forged", "", "page_token")]
    [InlineData(10, "", "source = \"x\"", "filter")]
    public async Task ListStories_BadArguments_InvalidArgument(int pageSize, string token, string filter, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(
            new ListStoriesRequest { PageSize = pageSize, PageToken = token, Filter = filter }).ResponseAsync);

        RpcAssert.FieldViolation(ex, field);
    }

    [Fact]
    public async Task ListStories_TimestampsOutOfRange_InvalidArgumentOnEach()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(new ListStoriesRequest
        {
            StartTime = new Timestamp { Seconds = long.MaxValue / 2 },
            EndTime = new Timestamp { Seconds = 0, Nanos = -1 },
        }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "start_time");
        RpcAssert.FieldViolation(ex, "end_time");
    }

    [Fact]
    public async Task ListStories_ForgedTokenBeyondTheLastTime_InvalidArgumentOnPageToken()
    {
        var forged = PageTokens.EncodeCursor(StoryPageToken.Binding(string.Empty, null, null), 0, 99_999_999_999_999_999);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(new ListStoriesRequest { PageToken = forged }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "page_token");
    }

    [Theory]
    [InlineData("entity = \"entities/org-kmart\"", false)]
    [InlineData("", true)]
    public async Task ListStories_FilterOrTimeRangeChangedBetweenPages_InvalidArgumentOnPageToken(string secondFilter, bool otherStart)
    {
        var first = await Client.ListStoriesAsync(new ListStoriesRequest { PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);
        var second = new ListStoriesRequest { PageSize = 1, PageToken = first.NextPageToken, Filter = secondFilter };
        if (otherStart)
        {
            second.StartTime = Timestamp.FromDateTimeOffset(StoryCandidates.Monday.AddDays(-30));
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(second).ResponseAsync);

        RpcAssert.FieldViolation(ex, "page_token");
        Assert.Contains("different filter, start_time or end_time", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListStories_FilterOverTheLengthLimit_InvalidArgumentWithoutEchoingIt()
    {
        var filter = string.Concat(Enumerable.Repeat("article_count >= 2 AND ", 5_000));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(new ListStoriesRequest { Filter = filter }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "filter");
        Assert.True(ex.Status.Detail.Length < 1_000, ex.Status.Detail[..Math.Min(200, ex.Status.Detail.Length)]);
    }

    [Fact]
    public async Task ListStories_SeveralProblems_AllReportedAtOnce()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(new ListStoriesRequest
        {
            PageSize = -5,
            Filter = "title = \"x\"",
            StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        }).ResponseAsync);

        foreach (var field in new[] { "page_size", "filter", "end_time" })
        {
            RpcAssert.FieldViolation(ex, field);
        }
    }

    [Fact]
    public async Task ListStories_TokenFromAnotherFilter_InvalidArgumentOnPageToken()
    {
        var first = await Client.ListStoriesAsync(new ListStoriesRequest { PageSize = 1 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(new ListStoriesRequest
        {
            PageSize = 1, PageToken = first.NextPageToken, Filter = "article_count >= 2",
        }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "page_token");
    }

    [Fact]
    public async Task ListStories_IngestionDown_UnavailableWithRetryInfo()
    {
        await _archive.DisposeAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListStoriesAsync(new ListStoriesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.NotNull(ex.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    [Theory]
    [InlineData("stories/mergera.mergerb", "articles/mergera", "", "article_names")]
    [InlineData("stories/mergera", "", "entities/org-kmart", "entity")]
    [InlineData("stories/merger a", "", "", "story")]
    [InlineData("briefings/0123456789abcdef", "", "", "story")]
    public async Task CreateBriefing_BadStoryScope_InvalidArgument(string story, string article, string entity, string field)
    {
        var request = new CreateBriefingRequest { Story = story, Entity = entity };
        if (article.Length > 0)
        {
            request.ArticleNames.Add(article);
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(request).ResponseAsync);

        RpcAssert.FieldViolation(ex, field);
    }

    [Fact]
    public async Task CreateBriefing_StoryOfAnUnknownArticle_NotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(
            new CreateBriefingRequest { Story = "stories/mergera.nosucharticle" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _factory.DisposeAsync();
        await _archive.DisposeAsync();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
