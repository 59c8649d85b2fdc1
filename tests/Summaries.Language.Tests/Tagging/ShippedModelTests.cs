using System.Diagnostics;
using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

/// <summary>Checks on the model file embedded in the entity service.</summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void LoadShipped_LoadsWithinOneSecond()
    {
        var watch = Stopwatch.StartNew();

        var model = NerModel.LoadShipped();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Loading took {watch.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.NotNull(model);
    }

    [Fact]
    public void Tag_NewsSentence_FindsPeopleAndPlace()
    {
        var model = NerModel.LoadShipped();
        string[] tokens = ["U.S.", "Secretary", "of", "State", "Antony", "Blinken", "met", "Xi", "Jinping", "in", "Beijing", "."];

        var spans = IobSpans.Decode(model.Tag(tokens));

        Assert.Contains(new EntitySpan(4, 6, "PER"), spans);
        Assert.Contains(new EntitySpan(7, 9, "PER"), spans);
        Assert.Contains(new EntitySpan(10, 11, "LOC"), spans);
    }

    [Fact]
    public void TagDocument_HeadlineInCapitals_ReadsNamesFromTheStory()
    {
        var model = NerModel.LoadShipped();

        var tags = model.TagDocument(
        [
            ["SOCCER", "-", "JAPAN", "BEAT", "SYRIA", "IN", "ASIAN", "CUP", "."],
            ["Japan", "beat", "Syria", "2-1", "in", "the", "Asian", "Cup", "on", "Friday", "."],
        ]);

        Assert.Contains(new EntitySpan(2, 3, "LOC"), IobSpans.Decode(tags[0]));
        Assert.Contains(new EntitySpan(4, 5, "LOC"), IobSpans.Decode(tags[0]));
    }
}
