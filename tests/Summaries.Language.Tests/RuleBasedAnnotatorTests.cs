using Summaries.Language;

namespace Summaries.Language.Tests;

/// <summary>The acceptance checks on the example article (seeds/blinken-xi-beijing.txt).</summary>
public sealed class RuleBasedAnnotatorTests
{
    private readonly TextAnnotation annotation = new RuleBasedAnnotator().Annotate(AnnotationTestText.ReadExampleArticle());

    [Theory]
    [InlineData("Antony Blinken")]
    [InlineData("Xi Jinping")]
    [InlineData("Wang Yi")]
    [InlineData("Joe Biden")]
    [InlineData("Bill Gates")]
    public void Annotate_ExampleArticle_FindsPersonsByFullName(string name)
    {
        Assert.Equal(EntityKind.Person, annotation.Entity(name).Kind);
    }

    [Theory]
    [InlineData("Antony Blinken", "US secretary of state")]
    [InlineData("Xi Jinping", "Chinese President")]
    [InlineData("Wang Yi", "China’s top diplomat")]
    [InlineData("Bill Gates", "Microsoft co-founder")]
    [InlineData("Joe Biden", "President")]
    public void Annotate_ExampleArticle_BindsRolesToHolders(string name, string role)
    {
        var roles = annotation.Entity(name).Roles;

        Assert.Contains(roles, r => string.Equals(r.Text, role, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Annotate_ExampleArticle_RoleSpansMatchText()
    {
        var text = AnnotationTestText.ReadExampleArticle();

        Assert.All(annotation.Entities.SelectMany(e => e.Roles), r => Assert.Equal(text[r.Start..r.End], r.Text));
    }

    [Theory]
    [InlineData("CCTV")]
    [InlineData("Microsoft")]
    [InlineData("China’s ministry of foreign affairs")]
    public void Annotate_ExampleArticle_FindsOrganisations(string name)
    {
        Assert.Equal(EntityKind.Organization, annotation.Entity(name).Kind);
    }

    [Theory]
    [InlineData("Beijing")]
    [InlineData("China")]
    [InlineData("United States")]
    [InlineData("Taiwan")]
    [InlineData("Hong Kong")]
    [InlineData("South China Sea")]
    [InlineData("Ukraine")]
    [InlineData("Bali")]
    [InlineData("Great Hall of the People")]
    public void Annotate_ExampleArticle_FindsLocations(string name)
    {
        Assert.Equal(EntityKind.Location, annotation.Entity(name).Kind);
    }

    [Fact]
    public void Annotate_ExampleArticle_MergesUsAliasesIntoOneEntity()
    {
        var us = annotation.Entity("United States");

        Assert.Contains("US", us.Aliases);
        Assert.Contains("America", us.Aliases);
        Assert.DoesNotContain(annotation.Entities, e => e.DisplayName is "US" or "America");
    }

    [Fact]
    public void Annotate_ExampleArticle_MergesShortFormsIntoFullNames()
    {
        var xi = annotation.Entity("Xi Jinping");
        var wang = annotation.Entity("Wang Yi");

        Assert.Contains("Xi", annotation.MentionTexts(xi.Key));
        Assert.Contains("Wang", annotation.MentionTexts(wang.Key));
        Assert.Contains("Blinken", annotation.MentionTexts(annotation.Entity("Antony Blinken").Key));
        Assert.Single(annotation.Entities, e => e.DisplayName.Contains("Blinken", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotate_ExampleArticle_CountsRolePhrasesAsMentionsOfTheirHolder()
    {
        var xi = annotation.Entity("Xi Jinping");
        var blinken = annotation.Entity("Antony Blinken");

        Assert.Contains("Chinese President", annotation.MentionTexts(xi.Key));
        Assert.Contains("top US diplomat", annotation.MentionTexts(blinken.Key));
        Assert.Equal(annotation.Mentions.Count(m => m.EntityKey == xi.Key), xi.MentionCount);
    }

    [Theory]
    [InlineData("The")]
    [InlineData("In")]
    [InlineData("Despite")]
    [InlineData("Instead")]
    [InlineData("Earlier")]
    [InlineData("Neither")]
    [InlineData("His")]
    [InlineData("It")]
    [InlineData("Mr")]
    [InlineData("Monday")]
    [InlineData("Saturday")]
    [InlineData("Sunday")]
    [InlineData("Friday")]
    [InlineData("February")]
    [InlineData("Secretary")]
    public void Annotate_ExampleArticle_DoesNotTagOrdinaryWords(string word)
    {
        Assert.DoesNotContain(annotation.Entities, e => e.DisplayName == word || e.Aliases.Contains(word));
        Assert.DoesNotContain(annotation.Mentions, m => m.Text == word);
    }

    [Theory]
    [InlineData("The two sides have agreed", "Xi Jinping")]
    [InlineData("This is very good", "Xi Jinping")]
    [InlineData("I hope that through this visit", "Xi Jinping")]
    [InlineData("some specific issues", "Xi Jinping")]
    [InlineData("coincides with a critical juncture", "China’s ministry of foreign affairs")]
    [InlineData("US side’s erroneous perception", "China’s ministry of foreign affairs")]
    [InlineData("low point", "China’s ministry of foreign affairs")]
    [InlineData("the spiralling decline", "China’s ministry of foreign affairs")]
    [InlineData("precisely so that we can make sure", "Antony Blinken")]
    [InlineData("benefit our two countries", "Xi Jinping")]
    public void Annotate_ExampleArticle_AttributesDirectQuotes(string quoteStart, string speaker)
    {
        var quote = annotation.Quote(quoteStart);

        Assert.True(quote.Direct);
        Assert.Equal(annotation.Entity(speaker).Key, quote.SpeakerKey);
    }

    [Fact]
    public void Annotate_ExampleArticle_ResolvesPronounSpeaker()
    {
        var quote = annotation.Quote("the spiralling decline");

        Assert.Equal("It", quote.SpeakerText);
        Assert.Equal(annotation.Entity("China’s ministry of foreign affairs").Key, quote.SpeakerKey);
    }

    [Fact]
    public void Annotate_ExampleArticle_KeepsNestedSingleQuotesInsideTheOuterQuote()
    {
        var quote = annotation.Quote("demanded that the US stop");

        Assert.Contains("‘China threat theory’", quote.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(annotation.Quotes, q => q.Text == "China threat theory");
    }

    [Fact]
    public void Annotate_ExampleArticle_QuoteSpansAreInsideTheMarks()
    {
        var text = AnnotationTestText.ReadExampleArticle();

        Assert.All(annotation.Quotes, q => Assert.Equal(text[q.Start..q.End], q.Text));
        Assert.All(annotation.Quotes.Where(q => q.Direct), q => Assert.DoesNotContain('“', q.Text));
        Assert.All(annotation.Quotes.Where(q => q.SpeakerStart >= 0), q => Assert.Equal(text[q.SpeakerStart..q.SpeakerEnd], q.SpeakerText));
    }

    [Fact]
    public void Annotate_ExampleArticle_ReportsAccordingToWithUnnamedSpeaker()
    {
        var quote = annotation.Quote("Earlier on Monday, Mr Blinken met");

        Assert.False(quote.Direct);
        Assert.Equal("a US official", quote.SpeakerText);
        Assert.Null(quote.SpeakerKey);
    }

    [Fact]
    public void Annotate_ExampleArticle_KeysEntitiesByFirstAppearanceAndOrdersBySalience()
    {
        var byKey = annotation.Entities.OrderBy(e => int.Parse(e.Key[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var firstMentions = byKey.Select(e => annotation.Mentions.Where(m => m.EntityKey == e.Key).Min(m => m.Start)).ToList();

        Assert.Equal(firstMentions.Order(), firstMentions);
        Assert.Equal(annotation.Entities.Select(e => e.Salience).OrderDescending(), annotation.Entities.Select(e => e.Salience));
        Assert.All(annotation.Entities, e => Assert.InRange(e.Salience, 0.0, 1.0));
        Assert.Contains(annotation.Entities[0].DisplayName, new[] { "Xi Jinping", "Antony Blinken" });
    }

    [Fact]
    public void Annotate_Always_ReportsVersion()
    {
        Assert.Equal("rules-1", annotation.AnnotatorVersion);
    }

    [Fact]
    public void Annotate_TitleNamesEntity_RaisesItsSalience()
    {
        var text = AnnotationTestText.ReadExampleArticle();
        var annotator = new RuleBasedAnnotator();

        var plain = annotator.Annotate(text).Entity("Wang Yi").Salience;
        var titled = annotator.Annotate(text, "Wang Yi meets Blinken").Entity("Wang Yi").Salience;

        Assert.True(titled > plain, $"{titled} should exceed {plain}");
    }
}
