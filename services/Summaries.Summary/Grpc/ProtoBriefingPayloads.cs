using Google.Protobuf;
using Summaries.Summary.Briefings;
using Summaries.Summary.Storage;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Grpc;

/// <summary>
/// The briefing as the wire message, the form releases before the domain briefing stored. It lives
/// beside the mapper because those stored bytes are the wire message.
/// </summary>
public sealed class ProtoBriefingPayloads : IBriefingWireCodec
{
    public byte[] Encode(Briefing briefing) => BriefingMapper.ToProto(briefing).ToByteArray();

    public Briefing Decode(byte[] payload) => BriefingMapper.ToDomain(Wire.Briefing.Parser.ParseFrom(payload));
}
