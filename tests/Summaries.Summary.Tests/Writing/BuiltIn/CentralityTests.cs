using Summaries.Summary.Facts;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed class CentralityTests
{
    [Fact]
    public void Score_SentenceOnTheSourcesTopic_AboveAnAside()
    {
        const string body =
            "Border talks between Atlantis and Lemuria resumed in Geneva.\n\n" +
            "The border talks stalled last year over fishing rights.\n\n" +
            "A local bakery sold out of pastries.\n\n" +
            "Atlantis wants the border talks to end with a treaty on fishing rights.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document("articles/one", body)]);
        var centrality = new Centrality(sheet);

        var topic = sheet.Facts.Single(f => f.Text.StartsWith("Atlantis wants", StringComparison.Ordinal));
        var aside = sheet.Facts.Single(f => f.Text.StartsWith("A local bakery", StringComparison.Ordinal));

        Assert.True(centrality.Score(topic.Id) > centrality.Score(aside.Id));
        Assert.Equal(0, centrality.Score(aside.Id));
        Assert.InRange(sheet.Facts.Max(f => centrality.Score(f.Id)), 0.999, 1.0);
    }
}
