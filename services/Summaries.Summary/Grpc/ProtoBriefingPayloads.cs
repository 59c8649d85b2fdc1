using Summaries.Summary.Briefings;
using Summaries.Summary.Storage;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Grpc;

/// <summary>
/// Reads the briefings that releases before the domain briefing stored as the serialized wire
/// message. It lives beside the mapper because those stored bytes are the wire message.
/// </summary>
public sealed class ProtoBriefingPayloads : ILegacyBriefingReader
{
    public Briefing Read(byte[] payload) => BriefingMapper.ToDomain(Wire.Briefing.Parser.ParseFrom(payload));
}
