using Summaries.Summary.Facts;
using Summaries.Testing.Pathological;

namespace Summaries.Summary.Tests.Facts;

/// <summary>The fact sheet of one source made of each pathological text, at the longest article ingestion accepts, within the bound.</summary>
public sealed class PathologicalFactSheetTests
{
    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    private static readonly Lazy<TimeSpan> Normal = new(() =>
    {
        var source = PathologicalSources.Document("normal");
        return BoundedWork.Time(() => new FactSheetBuilder().Build([source]));
    });

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Build_PathologicalSourceOfMaximumSize_AnsweredWithinTheBound(string input)
    {
        var source = PathologicalSources.Document(input);

        FactSheet? sheet = null;
        BoundedWork.AssertWithinBound(input, () => sheet = new FactSheetBuilder().Build([source]), Normal.Value);

        Assert.All(sheet!.Facts, f => Assert.False(string.IsNullOrEmpty(f.Id)));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Build_CancelledWhileBuilding_StopsWithinASecond(string input)
    {
        var source = PathologicalSources.Document(input);

        BoundedWork.AssertStopsWhenCancelled(input, token => new FactSheetBuilder().Build([source], token));
    }
}
