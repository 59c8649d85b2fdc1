using Summaries.Summary.Facts;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed class ReadingOrderTests
{
    private const string Body =
        "They are the concrete arrows that once guided airmail pilots across the country.\n\n" +
        "Dozens of them still lie in the desert.\n\n" +
        "He has photographed 102 of them.\n\n" +
        "The first airmail flight left Petaluma in 1911.";

    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document(body: Body)]);

    [Fact]
    public void Readable_PronounOpeningTheArticle_True() =>
        Assert.True(new ReadingOrder(_sheet).Readable(_sheet.Facts[0], new HashSet<string>()));

    [Fact]
    public void Readable_PronounRightAfterItsPickedPredecessor_True() =>
        Assert.True(new ReadingOrder(_sheet).Readable(_sheet.Facts[2], new HashSet<string> { _sheet.Facts[1].Id }));

    [Fact]
    public void Readable_PronounWithoutItsPredecessor_False() =>
        Assert.False(new ReadingOrder(_sheet).Readable(_sheet.Facts[2], new HashSet<string> { _sheet.Facts[0].Id }));

    [Fact]
    public void Readable_SentenceNamingItsSubject_TrueAnywhere() =>
        Assert.True(new ReadingOrder(_sheet).Readable(_sheet.Facts[3], new HashSet<string>()));
}
