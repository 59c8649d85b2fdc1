using Summaries.Summary.Text;

namespace Summaries.Summary.Tests.Text;

public sealed class KeyWordsTests
{
    [Fact]
    public void Of_Sentence_LeavesOutFunctionWordsAndShortTokens() =>
        Assert.Equal(["border", "talks", "resumed", "geneva"], KeyWords.Of("The border talks resumed in Geneva, as they said."));
}
