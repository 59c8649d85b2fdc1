using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Verification;

public sealed class DraftVerifierTests
{
    private readonly DraftVerifier _verifier = new(LoadedLexicon.LoadDefault());
    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

    [Theory]
    [InlineData("Ana Ruiz said: “We want a fair deal”.", "a1.s1", null)]
    [InlineData("Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday.", "a1.s0", null)]
    [InlineData("Ministers of Atlantis and Lemuria met in Geneva.", "a1.s0", null)]
    public void Check_GroundedSentence_Passes(string text, string factId, string? speaker)
    {
        Assert.Null(_verifier.Check(new DraftSentence(text, [factId], speaker), _sheet));
    }

    [Theory]
    [InlineData("Ministers met in Geneva.", "", "cites no fact")]
    [InlineData("Ministers met in Geneva.", "a1.s42", "cites unknown fact")]
    [InlineData("Ana Ruiz and Tom Berg shook hands.", "a1.s3", "cites unknown fact")]
    [InlineData("Ana Ruiz said: “We want a generous deal”.", "a1.s1", "not verbatim")]
    [InlineData("Lemuria's foreign ministry said: “We want a fair deal”.", "a1.s1", "not attributed")]
    [InlineData("Ministers met in Geneva amid soaring tensions.", "a1.s0", "loaded language")]
    [InlineData("Ministers met in Geneva for 12 hours.", "a1.s0", "number not in cited facts")]
    [InlineData("Ministers met in Paris on Tuesday.", "a1.s0", "name not in cited facts")]
    public void Check_UngroundedSentence_Rejected(string text, string factIds, string reason)
    {
        var ids = factIds.Length == 0 ? Array.Empty<string>() : factIds.Split(',');

        var problem = _verifier.Check(new DraftSentence(text, ids, null), _sheet);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HeadlineWithInventedName_Reported()
    {
        var draft = new BriefingDraft("Merkel joins Geneva talks", ["a1.s0"],
            [new DraftSection(SectionKind.WhatHappened, "What happened", null, [new DraftSentence("Ministers met in Geneva on Tuesday.", ["a1.s0"], null)])]);

        var result = _verifier.Verify(draft, _sheet);

        Assert.Contains(result.Problems, p => p.SectionIndex == -1 && p.Reason.Contains("Merkel", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_LoadedHeadline_Reported()
    {
        var draft = new BriefingDraft("A shocking meeting", ["a1.s0"],
            [new DraftSection(SectionKind.WhatHappened, "What happened", null, [new DraftSentence("Ministers met in Geneva on Tuesday.", ["a1.s0"], null)])]);

        var result = _verifier.Verify(draft, _sheet);

        Assert.Contains(result.Problems, p => p.SectionIndex == -1);
    }
}
