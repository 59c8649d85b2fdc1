using Summaries.Language;
using Summaries.Language.Lexicons;
using Summaries.Language.Recognition;

namespace Summaries.Language.Tests.Recognition;

public sealed class RuleMentionRecognizerTests
{
    private readonly RuleBasedAnnotator annotator = new();
    private readonly RuleMentionRecognizer recognizer = new(Lexicon.Default);

    private (string Text, EntityKind Kind)[] Recognize(string source)
    {
        var text = annotator.Tokenize(source);
        return recognizer.Recognize(text).Select(m => (source[m.Start..m.End], m.Kind)).ToArray();
    }

    [Fact]
    public void Recognize_SentenceInitialOrdinaryWords_AreNotNames()
    {
        var mentions = Recognize("Despite the rain, they met. Instead, nothing happened. Earlier on Monday, it ended. His visit mattered.");

        Assert.Empty(mentions);
    }

    [Fact]
    public void Recognize_HonorificAndTitle_MakePersons()
    {
        var mentions = Recognize("Mr Xi met President Joe Biden and economist Jane Roe.");

        Assert.Equal([("Xi", EntityKind.Person), ("Joe Biden", EntityKind.Person), ("Jane Roe", EntityKind.Person)], mentions);
    }

    [Fact]
    public void Recognize_VocativeTitle_IsNotAPerson()
    {
        var mentions = Recognize("“Thank you, Mr Secretary,” she said.");

        Assert.Empty(mentions);
    }

    [Fact]
    public void Recognize_NamesWithConnectors_StayWholeAndTakeTheirHeadsKind()
    {
        var mentions = Recognize("They met at the Great Hall of the People after talks with the Ministry of Foreign Affairs.");

        Assert.Equal([("Great Hall of the People", EntityKind.Location), ("Ministry of Foreign Affairs", EntityKind.Organization)], mentions);
    }

    [Fact]
    public void Recognize_ConjunctionBetweenPlaces_DoesNotJoinThem()
    {
        var mentions = Recognize("Rights in China and Hong Kong worry the Securities and Exchange Commission.");

        Assert.Equal(
            [("China", EntityKind.Location), ("Hong Kong", EntityKind.Location), ("Securities and Exchange Commission", EntityKind.Organization)],
            mentions);
    }

    [Fact]
    public void Recognize_GazetteerNames_TakeTheirKinds()
    {
        var mentions = Recognize("Chinese ships sailed the South China Sea near Taiwan, NATO said.");

        Assert.Equal(
            [("Chinese", EntityKind.Misc), ("South China Sea", EntityKind.Location), ("Taiwan", EntityKind.Location), ("NATO", EntityKind.Organization)],
            mentions);
    }

    [Fact]
    public void Recognize_OrganisationBeforeInHouseRole_IsAnOrganisation()
    {
        var mentions = Recognize("He met Acmeworks co-founder Dana Smith and state broadcaster XBC.");

        Assert.Contains(("Acmeworks", EntityKind.Organization), mentions);
        Assert.Contains(("Dana Smith", EntityKind.Person), mentions);
        Assert.Contains(("XBC", EntityKind.Organization), mentions);
    }

    [Fact]
    public void Recognize_LowercaseGovernmentBody_IsAnOrganisationContainingItsPlace()
    {
        var mentions = Recognize("Japan’s ministry of foreign affairs said talks would go on.");

        Assert.Contains(("Japan’s ministry of foreign affairs", EntityKind.Organization), mentions);
        Assert.Contains(("Japan", EntityKind.Location), mentions);
    }

    [Fact]
    public void Recognize_VagueLowercaseBody_IsNotAnOrganisation()
    {
        var mentions = Recognize("Japan’s government said talks would go on.");

        Assert.Equal([("Japan", EntityKind.Location)], mentions);
    }

    [Fact]
    public void Recognize_HyphenatedCompounds_YieldTheirParts()
    {
        var mentions = Recognize("China-US relations cooled as anti-NATO and pro-Russian voices grew.");

        Assert.Equal(
            [("China", EntityKind.Location), ("US", EntityKind.Location), ("NATO", EntityKind.Organization), ("Russian", EntityKind.Misc)],
            mentions);
    }

    [Fact]
    public void Recognize_DaysMonthsAndCommonAcronyms_AreNotNames()
    {
        var mentions = Recognize("On Friday in February the CEO spoke on TV at 7 p.m. EDT.");

        Assert.Empty(mentions);
    }

    [Fact]
    public void Recognize_TitleInsideName_IsPartOfTheName()
    {
        var mentions = Recognize("He quoted Martin Luther King at length.");

        Assert.Equal([("Martin Luther King", EntityKind.Person)], mentions);
    }

    [Fact]
    public void Recognize_HeadlineCasedLine_KeepsOnlyWordsWithNameEvidence()
    {
        var mentions = Recognize("Clinton Plan for Taxes Is Expansive but Complex.\n\nThe plan from Clinton is long.");

        Assert.Equal(["Clinton", "Clinton"], mentions.Select(m => m.Text));
    }
}
