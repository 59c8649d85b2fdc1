using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Verification;

public sealed class CitationSupportTests
{
    private readonly DraftVerifier _verifier = new(LoadedLexicon.LoadDefault());
    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

    private static BriefingDraft Draft(params DraftSentence[] sentences) =>
        new("Ministers met in Geneva", ["a1.s0"], [new DraftSection(DraftSectionKind.WhatHappened, "What happened", null, sentences)]);

    [Theory]
    [InlineData("Lemuria's foreign ministry welcomed the talks and praised Atlantis.", "a1.s2", "unsupported_predicate")]
    [InlineData("Lemuria's foreign ministry did not blame Atlantis for the delay.", "a1.s2", "unsupported_polarity")]
    [InlineData("Atlantis blamed Lemuria's foreign ministry for the delay.", "a1.s2", "unsupported_participants")]
    [InlineData("Foreign ministers of Atlantis and Lemuria met in Geneva on Friday.", "a1.s0", "unsupported_circumstance")]
    public void Verify_SentenceItsFactsDoNotSupport_RejectedWithKind(string text, string factId, string rule)
    {
        var result = _verifier.Verify(Draft(new DraftSentence(text, [factId], null)), _sheet);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(rule, problem.Rule);
    }

    [Fact]
    public void Keep_CitationThatDoesNotSupport_RemovedAndReported()
    {
        var sentence = new DraftSentence("Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday.", ["a1.s0", "a1.s4"], null);

        var (kept, result) = _verifier.Keep(Draft(sentence), _sheet);

        Assert.True(result.IsClean, string.Join("; ", result.Problems.Select(p => p.Reason)));
        Assert.Equal(["a1.s0"], kept.Sections[0].Sentences[0].FactIds);
        var removal = Assert.Single(result.RemovedCitations);
        Assert.Equal("a1.s4", removal.FactId);
        Assert.Contains(VerificationWarnings.Describe(result, "LLM"), w => w.Contains("a1.s4", StringComparison.Ordinal));
    }

    [Fact]
    public void Keep_NoCitationSupports_SentenceNotServed()
    {
        var sentence = new DraftSentence("The two countries have disputed the border for 30 years and signed a peace treaty.", ["a1.s4", "a1.s0"], null);

        var (kept, result) = _verifier.Keep(Draft(sentence, new DraftSentence("Ministers met in Geneva on Tuesday.", ["a1.s0"], null)), _sheet);

        Assert.Single(result.Problems);
        Assert.DoesNotContain(kept.Sections.SelectMany(s => s.Sentences), s => s.Text.Contains("treaty", StringComparison.Ordinal));
    }
}
