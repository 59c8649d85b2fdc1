using Grpc.Core;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Paging;
using Summaries.Summary.Briefings;
using Summaries.Summary.Claims;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Grpc;

/// <summary>Thin adapter: protos in, domain calls, protos out.</summary>
public sealed class SummaryGrpcService(BriefingService briefings, StoryService stories, ClaimCheckService claims) : SummaryService.SummaryServiceBase
{
    public override async Task<CheckClaimResponse> CheckClaim(CheckClaimRequest request, ServerCallContext context) =>
        ClaimCheckMapper.ToProto(await claims.CheckAsync(request.ArticleNames, request.Claim, context.CancellationToken));

    public override async Task<CreateBriefingResponse> CreateBriefing(CreateBriefingRequest request, ServerCallContext context) =>
        new()
        {
            Briefing = BriefingMapper.ToProto(await briefings.CreateAsync(
                BriefingRequests.Create(request.ArticleNames, request.Entity, request.StartTime, request.EndTime, request.Story, request.Options),
                context.CancellationToken)),
        };

    /// <summary>
    /// The headline and each section go out as soon as they are written and verified (a restart
    /// first when what was sent no longer stands), then the whole stored briefing.
    /// </summary>
    public override async Task StreamBriefing(
        StreamBriefingRequest request, IServerStreamWriter<StreamBriefingResponse> responseStream, ServerCallContext context)
    {
        var briefing = await briefings.CreateAsync(
            BriefingRequests.Create(request.ArticleNames, request.Entity, request.StartTime, request.EndTime, request.Story, request.Options),
            new GrpcBriefingStream(responseStream), context.CancellationToken);
        await responseStream.WriteAsync(new StreamBriefingResponse { Briefing = BriefingMapper.ToProto(briefing) }, context.CancellationToken);
    }

    public override async Task<GetBriefingResponse> GetBriefing(GetBriefingRequest request, ServerCallContext context) =>
        new() { Briefing = BriefingMapper.ToProto(await briefings.GetAsync(BriefingRequests.ParseName(request.Name), context.CancellationToken)) };

    public override async Task<ListBriefingsResponse> ListBriefings(ListBriefingsRequest request, ServerCallContext context)
    {
        var query = BriefingRequests.ParseList(request);
        var page = await briefings.ListAsync(query.PageSize, query.Before, query.ArticleName, context.CancellationToken);
        var response = new ListBriefingsResponse { NextPageToken = page.NextAfter is { } next ? PageTokens.Encode(next, query.Binding) : string.Empty };
        response.Briefings.AddRange(page.Briefings.Select(BriefingMapper.ToProto));
        return response;
    }

    public override async Task<ListStoriesResponse> ListStories(ListStoriesRequest request, ServerCallContext context)
    {
        var (from, until) = BriefingScopes.TimeRange(request.StartTime, request.EndTime);
        var page = await stories.ListAsync(request.PageSize, request.PageToken, request.Filter, from, until, context.CancellationToken);
        var response = new ListStoriesResponse { NextPageToken = page.NextPageToken };
        response.Stories.AddRange(page.Stories.Select(StoryMapper.ToProto));
        return response;
    }
}
