using Summaries.Summary.Briefings;

namespace Summaries.Summary.Storage;

/// <summary>
/// Reads a briefing that an earlier release stored as the serialized wire message
/// (<see cref="BriefingPayload.WireMessage"/>). Implemented by the gRPC adapter, which alone knows
/// the wire types, and handed to the stores, which stay free of them.
/// </summary>
public interface ILegacyBriefingReader
{
    Briefing Read(byte[] payload);
}
