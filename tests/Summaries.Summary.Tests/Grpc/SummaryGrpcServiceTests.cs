using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Summary.Tests.Grpc;

/// <summary>The summary service's gRPC surface, in memory, with its dependencies unreachable.</summary>
public sealed class SummaryGrpcServiceTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"summary-test-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<Program> _factory;
    private readonly GrpcChannel _channel;

    public SummaryGrpcServiceTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Summary", $"Data Source={_db}");
            // Nothing listens on port 1: dependencies are down.
            b.UseSetting("Clients:IngestionAddress", "http://127.0.0.1:1");
            b.UseSetting("Clients:EntityAddress", "http://127.0.0.1:1");
        });
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
    }

    private SummaryService.SummaryServiceClient Client => new(_channel);

    [Fact]
    public async Task CheckClaim_NoClaimNoArticles_InvalidArgumentOnBoth()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CheckClaimAsync(new CheckClaimRequest()).ResponseAsync);

        RpcAssert.FieldViolation(ex, "article_names");
        RpcAssert.FieldViolation(ex, "claim");
    }

    [Fact]
    public async Task CheckClaim_ClaimTooLong_InvalidArgumentOnClaim()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CheckClaimAsync(
            new CheckClaimRequest { ArticleNames = { "articles/a" }, Claim = new string('x', 2001) }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "claim");
    }

    [Fact]
    public async Task CheckClaim_DependenciesDown_Unavailable()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CheckClaimAsync(
            new CheckClaimRequest { ArticleNames = { "articles/a" }, Claim = "Ministers met in Geneva." }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task CreateBriefing_NoArticles_InvalidArgumentOnArticleNames()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(new CreateBriefingRequest()).ResponseAsync);

        RpcAssert.FieldViolation(ex, "article_names");
    }

    [Fact]
    public async Task CreateBriefing_MalformedName_InvalidArgumentOnThatIndex()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { "articles/ok", "../etc/passwd" } }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "article_names[1]");
    }

    [Fact]
    public async Task CreateBriefing_NamesAndEntityBoth_InvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { "articles/a" }, Entity = "entities/person-x" }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "article_names");
    }

    [Fact]
    public async Task CreateBriefing_BadEntityName_InvalidArgumentOnEntity()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(
            new CreateBriefingRequest { Entity = "Xi Jinping" }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "entity");
    }

    [Fact]
    public async Task CreateBriefing_UnknownEnumValues_InvalidArgumentOnEachOption()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { "articles/a" },
            Options = new BriefingOptions { Length = (BriefingLength)99, Engine = (EnginePreference)7 },
        }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "options.length");
        RpcAssert.FieldViolation(ex, "options.engine");
    }

    [Fact]
    public async Task CreateBriefing_TimestampsOutOfRange_InvalidArgumentOnBoth()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(new CreateBriefingRequest
        {
            Entity = "entities/person-x",
            StartTime = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = long.MinValue },
            EndTime = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 0, Nanos = -1 },
        }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "start_time");
        RpcAssert.FieldViolation(ex, "end_time");
    }

    [Fact]
    public async Task CreateBriefing_IngestionDown_UnavailableWithRetryInfo()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { "articles/abc" } }).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.NotNull(ex.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task GetBriefing_UnknownAndMalformed_NotFoundAndInvalidArgument()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.GetBriefingAsync(new GetBriefingRequest { Name = "briefings/0123456789abcdef" }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => Client.GetBriefingAsync(new GetBriefingRequest { Name = "briefing/x" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal("NOT_FOUND", missing.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        RpcAssert.FieldViolation(malformed, "name");
    }

    [Theory]
    [InlineData(-1, "", "", "page_size")]
    [InlineData(10, "forged", "", "page_token")]
    [InlineData(10, "", "source = \"x\"", "filter")]
    public async Task ListBriefings_BadArguments_InvalidArgument(int pageSize, string token, string filter, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListBriefingsAsync(
            new ListBriefingsRequest { PageSize = pageSize, PageToken = token, Filter = filter }).ResponseAsync);

        RpcAssert.FieldViolation(ex, field);
    }

    [Fact]
    public async Task ListBriefings_SeveralBadArguments_AllReportedAtOnce()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListBriefingsAsync(
            new ListBriefingsRequest { PageSize = -1, PageToken = "forged", Filter = "source = \"x\"" }).ResponseAsync);

        RpcAssert.FieldViolation(ex, "page_size");
        RpcAssert.FieldViolation(ex, "page_token");
        RpcAssert.FieldViolation(ex, "filter");
    }

    [Fact]
    public async Task ListBriefings_TokenOfAnotherFilter_InvalidArgumentOnPageToken()
    {
        // No briefing can be made here (dependencies unreachable), so the token is what ListBriefings would return.
        var token = PageTokens.Encode(1, PageBinding.Of(("filter", "article = \"articles/a\"")));

        var same = await Client.ListBriefingsAsync(new ListBriefingsRequest { PageToken = token, Filter = "article = \"articles/a\"" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListBriefingsAsync(
            new ListBriefingsRequest { PageToken = token, Filter = "article = \"articles/b\"" }).ResponseAsync);

        Assert.Empty(same.Briefings);
        RpcAssert.FieldViolation(ex, "page_token");
        Assert.Contains("different filter", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListBriefings_Empty_NoItemsNoToken()
    {
        var page = await Client.ListBriefingsAsync(new ListBriefingsRequest());

        Assert.Empty(page.Briefings);
        Assert.Equal(string.Empty, page.NextPageToken);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _factory.Dispose();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
