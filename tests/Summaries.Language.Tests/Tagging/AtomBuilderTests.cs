using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

public sealed class AtomBuilderTests
{
    private readonly AtomBuilder builder = new(new WordTable(new Dictionary<ulong, WordInfo>()));

    [Fact]
    public void Build_Word_HashesFoldedAffixesUpToFour()
    {
        var atoms = builder.Build("Blinken");

        Assert.Equal(FeatureHash.Of("b"), atoms.Prefix1);
        Assert.Equal(FeatureHash.Of("bli"), atoms.Prefix3);
        Assert.Equal(FeatureHash.Of("blin"), atoms.Prefix4);
        Assert.Equal(FeatureHash.Of("n"), atoms.Suffix1);
        Assert.Equal(FeatureHash.Of("ken"), atoms.Suffix3);
        Assert.Equal(FeatureHash.Of("nken"), atoms.Suffix4);
        Assert.Equal(FeatureHash.Of("blinken"), atoms.Word);
    }

    [Fact]
    public void Build_ShortWord_HasNoLongerAffixes()
    {
        var atoms = builder.Build("Xi");

        Assert.Equal(FeatureHash.Of("xi"), atoms.Prefix2);
        Assert.Equal(0UL, atoms.Prefix3);
        Assert.Equal(0UL, atoms.Suffix3);
    }

    [Fact]
    public void Build_CaseAndDigits_FoldIntoTheSameWord()
    {
        Assert.Equal(builder.Build("JAPAN").Word, builder.Build("Japan").Word);
        Assert.Equal(builder.Build("1996").Word, builder.Build("2024").Word);
        Assert.Equal(builder.Build("China’s").Word, builder.Build("China's").Word);
        Assert.NotEqual(builder.Build("JAPAN").Shape, builder.Build("Japan").Shape);
    }

    [Theory]
    [InlineData("Blinken", (int)(TokenFlags.InitialCapital | TokenFlags.HasLetter | TokenFlags.HasLowercase))]
    [InlineData("U.S.", (int)(TokenFlags.InitialCapital | TokenFlags.AllCapitals | TokenFlags.HasLetter))]
    [InlineData("iPhone", (int)(TokenFlags.HasLetter | TokenFlags.HasLowercase))]
    [InlineData("1996", (int)TokenFlags.HasDigit)]
    [InlineData(",", (int)TokenFlags.None)]
    public void Build_Token_SetsCaseFlags(string token, int flags)
    {
        // The flags travel as int: the enum is internal and test methods are public.
        Assert.Equal((TokenFlags)flags, builder.Build(token).Flags);
    }
}
