using Summaries.Summary.Facts;

namespace Summaries.Summary.Tests.Facts;

public sealed class FactSheetBuilderTests
{
    [Fact]
    public void Build_Sample_IdsKindsAndQuotesInFactCoordinates()
    {
        var sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

        Assert.Equal(["a1.s0", "a1.s1", "a1.s2", "a1.s3", "a1.s4"], sheet.Facts.Select(f => f.Id));
        Assert.Equal(FactKind.Caption, sheet.FindFact("a1.s3")!.Kind);
        Assert.Equal(FactKind.Narrative, sheet.FindFact("a1.s4")!.Kind);
        foreach (var q in sheet.Quotes)
        {
            var fact = sheet.FindFact(q.FactId)!;
            Assert.Equal(q.Text, fact.Text[q.Start..q.End]);
        }
    }

    [Theory]
    [InlineData("Mr Xi met Mr Blinken in the Great Hall of the People in Beijing (Pool via AP)", false, true)]
    [InlineData("A protester outside the embassy (Photo: Reuters)", false, true)]
    [InlineData("Mr Xi spoke about the meeting in positive terms", true, true)]
    [InlineData("Mr Xi spoke about the meeting in positive terms.", true, false)]
    [InlineData("He said it was good (and said so twice).", true, false)]
    [InlineData("Senator Jane Okafor waves to supporters Friday outside the assembly in Lagos.", true, true)]
    [InlineData("Relatives hold candles and sing during a vigil Tuesday in Price.", true, true)]
    [InlineData("Senator Jane Okafor waves to supporters Friday outside the assembly in Lagos.", false, false)]
    [InlineData("Senator Jane Okafor will visit supporters Friday in Lagos.", true, false)]
    [InlineData("Okafor is scheduled to address the assembly Monday night.", true, false)]
    [InlineData("Jane Okafor said she visits Lagos on Friday.", true, false)]
    [InlineData("Editor's note: This story is part of a series on flood recovery.", false, true)]
    [InlineData("Jane Okafor with her award after the vote.", false, true)]
    [InlineData("Photo: Lagos Press Agency.", false, true)]
    [InlineData("Jane Okafor with her supporters celebrated the vote.", false, false)]
    [InlineData("Okafor with two allies is expected to win.", false, false)]
    public void IsCaption_Lines_Classified(string line, bool wholeParagraph, bool expected)
    {
        Assert.Equal(expected, CaptionDetector.IsCaption(line, wholeParagraph));
    }
}
