using Summaries.Summary.Neutrality;

namespace Summaries.Summary.Tests.Neutrality;

public sealed class NeutralizerTests
{
    private readonly Neutralizer _neutralizer = new(LoadedLexicon.LoadDefault());

    [Theory]
    [InlineData("The visit aimed at easing soaring tensions between the countries.", "The visit aimed at easing tensions between the countries.")]
    [InlineData("They played down breakthroughs on the most vexing issues facing both.", "They played down breakthroughs on the issues facing both.")]
    [InlineData("He hoped to take up the plethora of differences.", "He hoped to take up the many differences.")]
    [InlineData("The senator slammed the plan.", "The senator criticised the plan.")]
    [InlineData("Prices are soaring.", "Prices are rising.")]
    [InlineData("The senator slammed critics of the plan.", "The senator criticised critics of the plan.")]
    [InlineData("Earlier, the player admitted to running the ring.", "Earlier, the player acknowledged running the ring.")]
    [InlineData("The minister insisted that talks would go on.", "The minister said that talks would go on.")]
    [InlineData("The minister insisted he was right.", "The minister said he was right.")]
    [InlineData("The mayor vowed to rebuild the bridge.", "The mayor promised to rebuild the bridge.")]
    public void Neutralize_LoadedWordsInNarratorVoice_RemovedOrReplaced(string input, string expected)
    {
        Assert.Equal(expected, _neutralizer.Neutralize(input));
    }

    [Fact]
    public void Neutralize_LoadedWordsInsideQuotes_Kept()
    {
        const string text = "It said America must halt “the spiralling decline of relations” and blamed the “erroneous perception”.";

        Assert.Equal(text, _neutralizer.Neutralize(text));
    }

    [Theory]
    [InlineData("The party claimed victory in the vote.")]
    [InlineData("The rebels claimed responsibility for the attack.")]
    public void Neutralize_ReportingVerbWithAnObject_ReturnsNull(string text)
    {
        // "said victory" is not English and "The party victory" changes the meaning: left out.
        Assert.Null(_neutralizer.Neutralize(text));
    }

    [Fact]
    public void Neutralize_LoadedPredicateWithoutReplacement_ReturnsNull()
    {
        Assert.Null(_neutralizer.Neutralize("The decision was outrageous."));
    }

    [Fact]
    public void FindOutsideQuotes_MixedText_OnlyNarratorWords()
    {
        var matches = LoadedLexicon.LoadDefault().FindOutsideQuotes("Soaring costs, he said, were “a staggering burden”.");

        var match = Assert.Single(matches);
        Assert.Equal("soaring", match.Term.Term);
    }
}
