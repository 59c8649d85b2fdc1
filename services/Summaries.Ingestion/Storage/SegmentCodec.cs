using System.Buffers.Binary;
using Summaries.Ingestion.Cleaning;

namespace Summaries.Ingestion.Storage;

/// <summary>Segments as a compact blob: four little-endian int32 per segment.</summary>
internal static class SegmentCodec
{
    private const int SegmentBytes = 16;

    public static byte[] Encode(SegmentList segments)
    {
        var bytes = new byte[segments.Count * SegmentBytes];
        for (var i = 0; i < segments.Count; i++)
        {
            var span = bytes.AsSpan(i * SegmentBytes);
            var s = segments[i];
            BinaryPrimitives.WriteInt32LittleEndian(span, s.CleanedStart);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], s.OriginalStart);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], s.CleanedLength);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], s.OriginalLength);
        }

        return bytes;
    }

    public static SegmentList Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % SegmentBytes != 0)
        {
            throw new InvalidDataException($"A segment blob of {bytes.Length} bytes is not a whole number of segments.");
        }

        var segments = new TextSegment[bytes.Length / SegmentBytes];
        for (var i = 0; i < segments.Length; i++)
        {
            var span = bytes[(i * SegmentBytes)..];
            segments[i] = new TextSegment(
                BinaryPrimitives.ReadInt32LittleEndian(span),
                BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[12..]));
        }

        return new SegmentList(segments);
    }
}
