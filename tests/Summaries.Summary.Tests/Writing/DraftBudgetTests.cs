using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Writing;

public sealed class DraftBudgetTests
{
    private static DraftSentence S(string text, string? speaker = null) => new(text, ["a1.s0"], speaker);

    private static BriefingDraft Draft() => new("Headline", ["a1.s0"],
    [
        new DraftSection(DraftSectionKind.WhatHappened, "What happened", null, [S("w1"), S("w2"), S("w3")]),
        new DraftSection(DraftSectionKind.Position, "Position of A", "a", [S("a1", "a"), S("a2", "a")]),
        new DraftSection(DraftSectionKind.Position, "Position of B", "b", [S("b1", "b"), S("b2", "b")]),
        new DraftSection(DraftSectionKind.Context, "Context", null, [S("c1"), S("c2")]),
    ]);

    [Fact]
    public void Trim_WithinBudget_Unchanged()
    {
        var (draft, dropped) = DraftBudget.Trim(Draft(), 9);

        Assert.Equal(0, dropped);
        Assert.Equal(9, draft.SentenceCount);
    }

    [Fact]
    public void Trim_Over_ContextThenTheLeadsLaterSentencesThenSecondSentencesThenTheLastPositions()
    {
        Assert.Equal(["w1", "w2", "w3", "a1", "a2", "b1", "b2"], Texts(DraftBudget.Trim(Draft(), 7).Draft));
        Assert.Equal(["w1", "a1", "a2", "b1", "b2"], Texts(DraftBudget.Trim(Draft(), 5).Draft));
        Assert.Equal(["w1", "a1", "a2", "b1"], Texts(DraftBudget.Trim(Draft(), 4).Draft));
        // Then the last parties' positions; the lead's first sentence and the first party's stay.
        Assert.Equal(["w1", "a1"], Texts(DraftBudget.Trim(Draft(), 2).Draft));
        var (smallest, dropped) = DraftBudget.Trim(Draft(), 1);
        Assert.Equal(["w1", "a1"], Texts(smallest));
        Assert.Equal(7, dropped);
        Assert.DoesNotContain(smallest.Sections, s => s.Kind == DraftSectionKind.Context);
    }

    private static string[] Texts(BriefingDraft draft) => draft.Sections.SelectMany(s => s.Sentences).Select(s => s.Text).ToArray();
}
