using Summaries.Summary.Text;

namespace Summaries.Summary.Tests.Text;

public sealed class ContentWordsTests
{
    [Fact]
    public void Of_DropsFunctionWordsFoldsPluralsAndPossessives()
    {
        Assert.Equal(["lawmaker", "pull", "plug", "boeing", "tanker", "lease"],
            ContentWords.Of("Lawmakers pull the plug on Boeing's tanker lease"));
    }

    [Fact]
    public void Of_MaxWords_ReadsAtMostTheLead()
    {
        Assert.Equal(["alpha", "bravo"], ContentWords.Of("alpha bravo charlie delta", maxWords: 2));
    }
}
