using Summaries.Language;

namespace Summaries.Language.Tests.Resolution;

public sealed class EntityResolverTests
{
    private readonly RuleBasedAnnotator annotator = new();

    [Fact]
    public void Resolve_ShortFormsOfAPerson_MergeIntoTheFullName()
    {
        var annotation = annotator.Annotate("Foreign minister Marta Kowalczyk arrived. Mrs Kowalczyk spoke first. Later Kowalczyk left.");

        var person = Assert.Single(annotation.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Marta Kowalczyk", person.DisplayName);
        Assert.Equal(3, person.MentionCount);
        Assert.Equal(["Kowalczyk"], person.Aliases);
    }

    [Fact]
    public void Resolve_FamilyNameFirst_ShortFormMatchesFirstWord()
    {
        var annotation = annotator.Annotate("Premier Li Qiang visited. Mr Li said little.");

        var li = Assert.Single(annotation.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Li Qiang", li.DisplayName);
        Assert.Equal(2, li.MentionCount);
    }

    [Fact]
    public void Resolve_ShortFormBeforeFullName_StillMerges()
    {
        var annotation = annotator.Annotate("Mr Okafor arrived late. Later, President Emeka Okafor spoke.");

        var person = Assert.Single(annotation.Entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Emeka Okafor", person.DisplayName);
    }

    [Fact]
    public void Resolve_PlaceAliases_MergeAndShowTheFullestForm()
    {
        var annotation = annotator.Annotate("The US and China met. The United States said America would act. U.S. officials agreed.");

        var us = Assert.Single(annotation.Entities, e => e.DisplayName == "United States");
        Assert.Equal(4, us.MentionCount);
        Assert.Equal(["US", "America", "U.S."], us.Aliases);
    }

    [Fact]
    public void Resolve_Acronym_MergesWithTheNameItAbbreviates()
    {
        var annotation = annotator.Annotate("The Environmental Protection Agency issued rules. The EPA said they were needed.");

        var epa = Assert.Single(annotation.Entities, e => e.Kind == EntityKind.Organization);
        Assert.Equal("Environmental Protection Agency", epa.DisplayName);
        Assert.Contains("EPA", epa.Aliases);
    }

    [Fact]
    public void Resolve_SurnameGuessedAsOrganisation_JoinsThePerson()
    {
        var annotation = annotator.Annotate("Hillary Clinton spoke. Clinton spokesman Nick Merrill said more.");

        var clinton = annotation.Entities.Single(e => e.DisplayName == "Hillary Clinton");
        Assert.Equal(2, clinton.MentionCount);
        Assert.DoesNotContain(annotation.Entities, e => e.DisplayName == "Clinton");
    }

    [Fact]
    public void Resolve_KeysFollowFirstAppearance()
    {
        var annotation = annotator.Annotate("Paris hosted Mr Dupont. Mr Dupont praised Paris and Berlin.");

        var keys = annotation.Entities.ToDictionary(e => e.DisplayName, e => e.Key);
        Assert.Equal("e1", keys["Paris"]);
        Assert.Equal("e2", keys["Dupont"]);
        Assert.Equal("e3", keys["Berlin"]);
    }

    [Fact]
    public void Resolve_RolePhraseUsedAlone_ResolvesToItsHolder()
    {
        var annotation = annotator.Annotate("Brazilian President Ana Souza met Indian Prime Minister Raj Mehta. Later the Brazilian President left.");

        var souza = annotation.Entities.Single(e => e.DisplayName == "Ana Souza");
        Assert.Equal(2, souza.MentionCount);
        Assert.Contains(annotation.Mentions, m => m.Text == "Brazilian President" && m.EntityKey == souza.Key && m.Start > 60);
    }

    [Fact]
    public void Resolve_GeneralRoleWord_ResolvesThroughItsSpecificTitle()
    {
        var annotation = annotator.Annotate("French foreign minister Paul Girard met Mr Sato. The top French diplomat then left.");

        var girard = annotation.Entities.Single(e => e.DisplayName == "Paul Girard");
        Assert.Contains("top French diplomat", annotation.Mentions.Where(m => m.EntityKey == girard.Key).Select(m => m.Text));
    }
}
