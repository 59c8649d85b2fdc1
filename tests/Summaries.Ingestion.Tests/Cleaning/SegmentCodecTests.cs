using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Tests.Cleaning;

public sealed class SegmentCodecTests
{
    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        var segments = new SegmentList([new TextSegment(0, 3, 10, 10), new TextSegment(10, 13, 1, 4), new TextSegment(11, int.MaxValue - 5, 2, 2)]);

        Assert.Equal(segments, SegmentCodec.Decode(SegmentCodec.Encode(segments)));
    }

    [Fact]
    public void Decode_TruncatedBlob_Throws() =>
        Assert.Throws<InvalidDataException>(() => SegmentCodec.Decode(new byte[17]));
}
