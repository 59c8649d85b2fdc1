using Summaries.Evaluation.Training;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Tests.Training;

public sealed class NerScorerTests
{
    [Fact]
    public void Add_ExactSpanAndType_IsTheOnlyCorrectPrediction()
    {
        var scorer = new NerScorer();

        scorer.Add(
            ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"],
            ["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG", "O"]);

        var overall = scorer.Overall();
        Assert.Equal((1, 3, 3), (overall.Correct, overall.Predicted, overall.Gold));
        Assert.Equal(1.0 / 3, overall.Precision, 6);
        Assert.Equal(1.0 / 3, overall.F1, 6);
    }

    [Fact]
    public void ByType_CountsEachTypeOnItsOwn()
    {
        var scorer = new NerScorer();
        scorer.Add(["B-PER", "O", "B-LOC"], ["B-PER", "O", "O"]);
        scorer.Add(["B-LOC"], ["B-LOC"]);

        var byType = scorer.ByType().ToDictionary(s => s.Type);

        Assert.Equal((1, 1, 1), (byType["PER"].Correct, byType["PER"].Predicted, byType["PER"].Gold));
        Assert.Equal((1, 1, 2), (byType["LOC"].Correct, byType["LOC"].Predicted, byType["LOC"].Gold));
        Assert.Equal(1.0, byType["LOC"].Precision);
        Assert.Equal(0.5, byType["LOC"].Recall);
        Assert.Equal(2.0 / 3, byType["LOC"].F1, 6);
    }

    [Fact]
    public void Add_NoEntitiesAnywhere_ScoresZeroWithoutDividingByZero()
    {
        var scorer = new NerScorer();
        scorer.Add(["O", "O"], ["O", "O"]);

        Assert.Equal(0, scorer.Overall().F1);
        Assert.Equal(2, scorer.CorrectTokens);
    }

    [Fact]
    public void Add_LengthsDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => new NerScorer().Add(["O"], ["O", "O"]));
    }
}
