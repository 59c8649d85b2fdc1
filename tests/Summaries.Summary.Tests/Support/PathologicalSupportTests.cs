using Summaries.Summary.Claims;
using Summaries.Summary.Support;
using Summaries.Testing.Pathological;

namespace Summaries.Summary.Tests.Support;

/// <summary>
/// The meaning check with a pathological text as the source, one "sentence" as long as the longest
/// article ingestion accepts, and its opening as the claim (as long as CheckClaim accepts): within the bound.
/// </summary>
public sealed class PathologicalSupportTests
{
    private static readonly SupportChecker Checker = SupportChecker.LoadDefault();

    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Check_PathologicalClaimAndSource_AnsweredWithinTheBound(string input)
    {
        var text = PathologicalText.All.Single(i => i.Name == input).Build(PathologicalText.MaxArticleChars);
        var names = new NameForms([new EntityForms(["Lena Okafor", "Okafor"], ["foreign minister"])], Checker.Lexicon);

        SupportVerdict? verdict = null;
        BoundedWork.AssertWithinBound(input, () => verdict = Checker.Check(text[..ClaimCheckService.MaxClaimLength], [Checker.Prepare(text)], names));

        Assert.NotNull(verdict);
    }
}
