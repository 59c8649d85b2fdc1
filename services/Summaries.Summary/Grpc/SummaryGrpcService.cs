using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Briefings;

namespace Summaries.Summary.Grpc;

/// <summary>Thin adapter: protos in, domain calls, protos out.</summary>
public sealed class SummaryGrpcService(BriefingService briefings) : SummaryService.SummaryServiceBase
{
    public override async Task<CreateBriefingResponse> CreateBriefing(CreateBriefingRequest request, ServerCallContext context) =>
        new() { Briefing = await briefings.CreateAsync(Scope(request.ArticleNames, request.Entity, request.StartTime, request.EndTime), request.Options, context.CancellationToken) };

    /// <summary>Sections are sent once verified: the headline first, then each section, then the whole briefing.</summary>
    public override async Task StreamBriefing(
        StreamBriefingRequest request, IServerStreamWriter<StreamBriefingResponse> responseStream, ServerCallContext context)
    {
        var briefing = await briefings.CreateAsync(Scope(request.ArticleNames, request.Entity, request.StartTime, request.EndTime), request.Options, context.CancellationToken);
        await responseStream.WriteAsync(new StreamBriefingResponse { Headline = briefing.Headline }, context.CancellationToken);
        foreach (var section in briefing.Sections)
        {
            await responseStream.WriteAsync(new StreamBriefingResponse { Section = section }, context.CancellationToken);
        }

        await responseStream.WriteAsync(new StreamBriefingResponse { Briefing = briefing }, context.CancellationToken);
    }

    private static BriefingScope Scope(IReadOnlyList<string> names, string entity, Timestamp? start, Timestamp? end) =>
        BriefingScopes.From(names, entity, start, end);

    public override async Task<GetBriefingResponse> GetBriefing(GetBriefingRequest request, ServerCallContext context) =>
        new() { Briefing = await briefings.GetAsync(request.Name, context.CancellationToken) };

    public override async Task<ListBriefingsResponse> ListBriefings(ListBriefingsRequest request, ServerCallContext context)
    {
        var (items, next) = await briefings.ListAsync(request.PageSize, request.PageToken, request.Filter, context.CancellationToken);
        var response = new ListBriefingsResponse { NextPageToken = next };
        response.Briefings.AddRange(items);
        return response;
    }
}
