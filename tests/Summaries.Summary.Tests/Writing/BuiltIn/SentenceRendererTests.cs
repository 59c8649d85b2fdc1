using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed class SentenceRendererTests
{
    private const string Body =
        "OSTRAVA, March 4 (Reuters) - The city council approved a new tram line on Tuesday.\n\n" +
        "Tram line wins backing By Tom Hale, Staff Writer The council voted 31 to 12 for the line after a long debate.\n\n" +
        "Contoso (Profile, Products, Articles) Ltd. will build the line, the mayor told me.\n\n" +
        "I asked the mayor about the delays on the old line.\n\n" +
        "Trams return to Ostrava By Tom Hale Jana Novak with her new season ticket.\n\n" +
        "Share | Email | Print this article";

    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();
    private readonly SentenceRenderer _renderer = new(new Neutralizer(Lexicon));
    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document(body: Body)]);

    [Fact]
    public void Render_BylineRunIntoAPhotoCaption_NotWritten()
    {
        Assert.Null(_renderer.Render(_sheet.FindFact("a1.s4")!, _sheet, attributed: null));
    }

    [Theory]
    [InlineData("a1.s0", "The city council approved a new tram line on Tuesday.")]
    [InlineData("a1.s1", "The council voted 31 to 12 for the line after a long debate.")]
    [InlineData("a1.s2", "Contoso Ltd. will build the line, the mayor said.")]
    public void Render_PageLeftoversInTheSource_CleanSentenceTheVerifierKeepsOnItsFact(string factId, string expected)
    {
        var text = _renderer.Render(_sheet.FindFact(factId)!, _sheet, attributed: null)!;

        Assert.Equal(expected, text);
        var draft = new BriefingDraft(text, [factId],
            [new DraftSection(DraftSectionKind.WhatHappened, "What happened", null, [new DraftSentence(text, [factId], null)])]);
        var result = new DraftVerifier(Lexicon).Verify(draft, _sheet);
        Assert.True(result.IsClean, string.Join("; ", result.Problems.Select(p => p.Reason)));
        Assert.Empty(result.RemovedCitations);
    }

    [Theory]
    [InlineData("a1.s3")]
    [InlineData("a1.s5")]
    public void Render_ReporterFirstPersonOrMenu_Null(string factId)
    {
        Assert.Null(_renderer.Render(_sheet.FindFact(factId)!, _sheet, attributed: null));
    }
}
