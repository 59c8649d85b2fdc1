using Summaries.Summary.Text;

namespace Summaries.Summary.Tests.Text;

public sealed class WordCountTests
{
    [Fact]
    public void Of_PunctuationAndApostrophes_CountsLetterAndDigitRuns() =>
        // "Geneva's" is two runs (Geneva, s); dashes and quotes count for nothing.
        Assert.Equal(9, WordCount.Of("Talks resumed — in Geneva's 2nd round, \"at last\"."));
}
