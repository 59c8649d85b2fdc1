using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

public sealed class IobSpansTests
{
    [Fact]
    public void Decode_Iob2_GivesSpans()
    {
        var spans = IobSpans.Decode(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"]);

        Assert.Equal([new(0, 2, "PER"), new(3, 4, "LOC"), new(4, 6, "LOC")], spans);
    }

    [Fact]
    public void Decode_InsideAfterOutsideOrOtherType_StartsAChunk()
    {
        // conlleval's reading: I-X after O, or after a chunk of another type, opens a new chunk.
        var spans = IobSpans.Decode(["O", "I-ORG", "I-ORG", "I-MISC", "O"]);

        Assert.Equal([new(1, 3, "ORG"), new(3, 4, "MISC")], spans);
    }

    [Fact]
    public void Decode_EntityAtEnd_IsClosed()
    {
        Assert.Equal([new EntitySpan(1, 3, "PER")], IobSpans.Decode(["O", "B-PER", "I-PER"]));
    }

    [Fact]
    public void Encode_Spans_RoundTripsThroughDecode()
    {
        string[] tags = ["B-ORG", "I-ORG", "O", "B-PER", "B-PER", "O", "B-MISC"];

        Assert.Equal(tags, IobSpans.Encode(IobSpans.Decode(tags), tags.Length));
    }

    [Fact]
    public void FromIob_Tags_GiveBilouLabelsThatConvertBack()
    {
        string[] tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"];
        var labels = new int[tags.Length];

        NerLabels.FromIob(tags, labels);

        Assert.Equal(
            [
                NerLabels.Label(0, NerLabels.Begin), NerLabels.Label(0, NerLabels.Inside), NerLabels.Label(0, NerLabels.Last),
                NerLabels.Outside, NerLabels.Label(2, NerLabels.Unit), NerLabels.Label(1, NerLabels.Begin), NerLabels.Label(1, NerLabels.Last),
            ],
            labels);
        Assert.Equal(tags, NerLabels.ToIob(labels));
    }

    [Fact]
    public void CanFollow_OpenEntity_OnlyContinuesItsOwnType()
    {
        var beginPerson = NerLabels.Label(0, NerLabels.Begin);

        Assert.True(NerLabels.CanFollow(beginPerson, NerLabels.Label(0, NerLabels.Last)));
        Assert.False(NerLabels.CanFollow(beginPerson, NerLabels.Label(1, NerLabels.Last)));
        Assert.False(NerLabels.CanFollow(beginPerson, NerLabels.Outside));
        Assert.False(NerLabels.CanFollow(NerLabels.Outside, NerLabels.Label(0, NerLabels.Inside)));
        Assert.False(NerLabels.CanFollow(NerLabels.Start, NerLabels.Label(0, NerLabels.Last)));
        Assert.False(NerLabels.CanEnd(beginPerson));
    }
}
