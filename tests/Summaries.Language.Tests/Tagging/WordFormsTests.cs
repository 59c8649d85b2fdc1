using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

public sealed class WordFormsTests
{
    [Theory]
    [InlineData("Blinken", "Xx", "Xxxxx")]
    [InlineData("U.S.", "X.X.", "X.X.")]
    [InlineData("NATO", "X", "XXXX")]
    [InlineData("McDonald", "XxXx", "XxXxxxx")]
    [InlineData("1996-08-22", "d-d-d", "dddd-dd-dd")]
    [InlineData("co-founder", "x-x", "xx-xxxx")]
    [InlineData("3.5", "d.d", "d.d")]
    public void Shape_Word_GivesShortAndLongShapes(string word, string shortShape, string longShape)
    {
        Assert.Equal(shortShape, Shape(word, 1));
        Assert.Equal(longShape, Shape(word, 4));
    }

    [Theory]
    [InlineData('A', 'a')]
    [InlineData('7', '0')]
    [InlineData('’', '\'')]
    [InlineData('“', '"')]
    [InlineData('—', '-')]
    [InlineData('É', 'é')]
    public void Fold_Character_MeetsItsPlainForm(char c, char folded)
    {
        Assert.Equal(folded, WordForms.Fold(c));
    }

    [Fact]
    public void Shape_CurlyQuote_LooksLikeStraightQuote()
    {
        Assert.Equal(Shape("\"", 1), Shape("“", 1));
    }

    private static string Shape(string word, int maxRepeat)
    {
        Span<char> buffer = stackalloc char[64];
        var length = WordForms.Shape(word, buffer, maxRepeat);
        return buffer[..length].ToString();
    }
}
