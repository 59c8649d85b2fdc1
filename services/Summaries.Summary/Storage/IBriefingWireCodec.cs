using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage;

/// <summary>
/// The serialized <c>summaries.summary.v1.Briefing</c> that releases before the domain briefing
/// kept in <c>payload</c>. Decoded to carry their rows over to <c>document</c>; still written beside
/// the document for one release, so that their replicas, serving during a rolling upgrade, read the
/// rows this build writes. Implemented by the gRPC adapter, which alone knows the wire types.
/// </summary>
public interface IBriefingWireCodec
{
    byte[] Encode(Briefing briefing);

    Briefing Decode(byte[] payload);
}
