using Summaries.Language;

namespace Summaries.Language.Tests.Resolution;

public sealed class RoleBinderTests
{
    private readonly RuleBasedAnnotator annotator = new();

    private IEnumerable<string> Roles(string text, string person) =>
        annotator.Annotate(text).Entities.Single(e => e.DisplayName == person).Roles.Select(r => r.Text);

    [Theory]
    [InlineData("German Chancellor Olaf Scholz arrived.", "Olaf Scholz", "German Chancellor")]
    [InlineData("Japan’s foreign minister Yoko Kamikawa arrived.", "Yoko Kamikawa", "Japan’s foreign minister")]
    [InlineData("She met Acmeworks chief executive Dana Smith.", "Dana Smith", "Acmeworks chief executive")]
    [InlineData("Former president Ana Lima spoke.", "Ana Lima", "Former president")]
    [InlineData("Massachusetts Sen. Elizabeth Warren asked.", "Elizabeth Warren", "Massachusetts Sen.")]
    public void Bind_TitleBeforeName_IncludesQualifiersAndModifiers(string text, string person, string role)
    {
        Assert.Contains(role, Roles(text, person));
    }

    [Fact]
    public void Bind_Appositive_BindsRoleAfterComma()
    {
        var roles = Roles("Leonard Burman, director of the Urban-Brookings Tax Policy Center, disagreed.", "Leonard Burman");

        Assert.Equal(["director of the Urban-Brookings Tax Policy Center"], roles);
    }

    [Fact]
    public void Bind_AppositiveAfterBracketedAffiliation_BindsToTheName()
    {
        var roles = Roles("“It is a fraud,” said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus.", "G.K. Butterfield");

        Assert.Contains("head of the Congressional Black Caucus", roles);
        Assert.Contains("Rep.", roles);
    }

    [Fact]
    public void Bind_RoleSpans_MatchTheText()
    {
        const string text = "Kenyan President William Ruto met Mr Ngugi, a lawyer.";

        var annotation = annotator.Annotate(text);

        Assert.All(annotation.Entities.SelectMany(e => e.Roles), r => Assert.Equal(text[r.Start..r.End], r.Text));
        Assert.Contains(annotation.Entities, e => e.Roles.Any(r => r.Text == "a lawyer" || r.Text == "lawyer"));
    }
}
