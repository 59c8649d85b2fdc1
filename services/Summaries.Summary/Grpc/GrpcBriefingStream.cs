using Grpc.Core;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Briefings;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Grpc;

/// <summary>Writes a briefing's parts to StreamBriefing's response stream.</summary>
public sealed class GrpcBriefingStream(IServerStreamWriter<StreamBriefingResponse> responses) : IBriefingStream
{
    public Task HeadlineAsync(string headline, CancellationToken cancellationToken) =>
        responses.WriteAsync(new StreamBriefingResponse { Headline = headline }, cancellationToken);

    public Task SectionAsync(BriefingSection section, CancellationToken cancellationToken) =>
        responses.WriteAsync(new StreamBriefingResponse { Section = BriefingMapper.ToProto(section) }, cancellationToken);

    public Task RestartAsync(string reason, WriterKind engine, CancellationToken cancellationToken) =>
        responses.WriteAsync(new StreamBriefingResponse
        {
            Restart = new StreamBriefingRestart { Reason = reason, Engine = BriefingMapper.ToProto(engine) },
        }, cancellationToken);
}
