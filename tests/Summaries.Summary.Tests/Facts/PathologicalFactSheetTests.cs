using Summaries.Summary.Facts;
using Summaries.Testing.Pathological;

namespace Summaries.Summary.Tests.Facts;

/// <summary>The fact sheet of one source made of each pathological text, at the longest article ingestion accepts, within the bound.</summary>
public sealed class PathologicalFactSheetTests
{
    public static TheoryData<string> Inputs => PathologicalSources.Inputs;

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Build_PathologicalSourceOfMaximumSize_AnsweredWithinTheBound(string input)
    {
        var source = PathologicalSources.Document(input);

        FactSheet? sheet = null;
        BoundedWork.AssertWithinBound(input, () => sheet = new FactSheetBuilder().Build([source]));

        Assert.All(sheet!.Facts, f => Assert.False(string.IsNullOrEmpty(f.Id)));
    }
}
