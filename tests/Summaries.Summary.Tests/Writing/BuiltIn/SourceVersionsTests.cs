using Summaries.Contracts.Entity.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed class SourceVersionsTests
{
    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();
    private static readonly (string, string, EntityType, string[])[] Entities =
    [
        ("entities/location-kabul", "Kabul", EntityType.Location, ["Kabul"]),
        ("entities/location-kandahar", "Kandahar", EntityType.Location, ["Kandahar"]),
        ("entities/organization-acme", "Acme", EntityType.Organization, ["Acme"]),
    ];

    private readonly DraftVerifier _verifier = new(Lexicon);

    /// <summary>Two outlets' reports, each one article: the first sentence of each is the point compared.</summary>
    private static FactSheet Sheet(string first, string second, string secondSource = "news.bbc.co.uk") =>
        new FactSheetBuilder().Build(
        [
            GeneratedReports.Document("articles/one", [first, "The area was closed to traffic and the police guarded it."], Entities) with { Source = "www.cnn.com" },
            GeneratedReports.Document("articles/two", [second, "Witnesses described scenes of confusion at the site."], Entities) with { Source = secondSource },
        ]);

    private static SourceVersions Versions(FactSheet sheet) => new(sheet, SheetSupport.Default, new SentenceRenderer(new Neutralizer(Lexicon)));

    private static Fact Lead(FactSheet sheet) => sheet.Facts.First(f => f.ArticleName == "articles/one" && f.SentenceIndex == 0);

    [Fact]
    public void Versions_NumbersDiffer_EachAttributedToItsOutletAndPassesTheVerifier()
    {
        var sheet = Sheet(
            "Police said 12 people were killed in the explosion in Kabul on Monday.",
            "Police said 15 people were killed in the explosion in Kabul on Monday.");

        var versions = Versions(sheet).Versions(Lead(sheet));

        Assert.Equal(
            ["According to CNN, police said 12 people were killed in the explosion in Kabul on Monday.",
             "According to BBC, police said 15 people were killed in the explosion in Kabul on Monday."],
            versions.Select(v => v.Text));
        Assert.Equal(["articles/one", "articles/two"], versions.Select(v => sheet.FindFact(Assert.Single(v.FactIds))!.ArticleName));
        Assert.All(versions, v => Assert.Null(_verifier.Check(v, sheet)));
    }

    [Theory]
    [InlineData("The company Acme confirmed that the factory in Kabul would close next year.", "The company Acme denied that the factory in Kabul would close next year.", "confirmed", "denied")]
    [InlineData("The minister did not attend the meeting of donors in Kabul on Friday.", "The minister attended the meeting of donors in Kabul on Friday.", "not", "")]
    [InlineData("Bookmakers have shortened the odds on the song's success after lukewarm reviews.", "The song can be downloaded from today, but bookmakers have lengthened the odds on the song's success after lukewarm reviews.", "shortened", "lengthened")]
    [InlineData("The convoy of aid trucks reached Kabul on Tuesday after a long delay.", "The convoy of aid trucks reached Kabul on Thursday after a long delay.", "Tuesday", "Thursday")]
    public void Find_SamePointDifferentDetail_Found(string first, string second, string mine, string theirs)
    {
        var sheet = Sheet(first, second);

        var difference = Assert.Single(new SourceDifferences(sheet, SheetSupport.Default).Find(Lead(sheet)));

        Assert.Equal("articles/two", difference.Other.ArticleName);
        Assert.Equal((mine, theirs), (difference.Mine, difference.Theirs));
        Assert.All(Versions(sheet).Versions(Lead(sheet)), v => Assert.Null(_verifier.Check(v, sheet)));
    }

    [Theory]
    // Two points, not one disputed: the number belongs to another predicate.
    [InlineData("Police said 12 people were killed in the explosion in Kabul.", "Police said 15 people were injured in the explosion in Kabul.")]
    // One source leaves the number out: it says less, not otherwise.
    [InlineData("Police said 12 people were killed in the explosion in Kabul.", "Police said several people were killed in the explosion in Kabul.")]
    // Places may both be true (a city and its province); not called a difference.
    [InlineData("Police said 12 people were killed in an explosion in Kabul.", "Police said 12 people were killed in an explosion in Kandahar.")]
    // The same, reworded.
    [InlineData("Police said 12 people were killed in the explosion in Kabul.", "In Kabul, 12 people were killed in the explosion, police said.")]
    // Another event of the same kind: more than the number differs.
    [InlineData("Police said 12 people were killed in the explosion at the market in Kabul.", "Police said 15 soldiers were killed in an ambush on a convoy in Kabul.")]
    public void Find_NotADifferenceOnOnePoint_NothingFound(string first, string second)
    {
        var sheet = Sheet(first, second);

        Assert.Empty(new SourceDifferences(sheet, SheetSupport.Default).Find(Lead(sheet)));
        Assert.Empty(Versions(sheet).Versions(Lead(sheet)));
    }

    [Fact]
    public void Versions_SameOutlet_NotSetAgainstItself()
    {
        var sheet = Sheet(
            "Police said 12 people were killed in the explosion in Kabul on Monday.",
            "Police said 15 people were killed in the explosion in Kabul on Monday.",
            secondSource: "edition.cnn.com");

        Assert.Single(new SourceDifferences(sheet, SheetSupport.Default).Find(Lead(sheet)));
        Assert.Empty(Versions(sheet).Versions(Lead(sheet)));
    }

    [Fact]
    public void Verify_AttributionToAnotherOutlet_Rejected()
    {
        var sheet = Sheet(
            "Police said 12 people were killed in the explosion in Kabul on Monday.",
            "Police said 15 people were killed in the explosion in Kabul on Monday.");
        var own = Versions(sheet).Attributed(Lead(sheet))!;

        var problem = _verifier.Check(own with { Text = own.Text.Replace("CNN", "BBC", StringComparison.Ordinal) }, sheet);

        Assert.NotNull(problem);
        Assert.Contains("BBC", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributed_OpensWithAName_NameKeepsItsCapital()
    {
        var sheet = Sheet(
            "Acme said 12 people were killed in the explosion in Kabul on Monday.",
            "Acme said 15 people were killed in the explosion in Kabul on Monday.");

        var versions = Versions(sheet).Versions(Lead(sheet));

        Assert.Equal("According to CNN, Acme said 12 people were killed in the explosion in Kabul on Monday.", versions[0].Text);
        Assert.All(versions, v => Assert.Null(_verifier.Check(v, sheet)));
    }

    [Fact]
    public void Find_ManyTemplateReports_OnlyThoseThatDifferInTheDayAlone()
    {
        var sheet = new FactSheetBuilder().Build([GeneratedReports.Report(0, reworded: true), .. Enumerable.Range(0, 300).Select(i => GeneratedReports.Report(i))]);
        var lead = sheet.Facts.First(f => f.ArticleName == "articles/report0" && f.SentenceIndex == 0);
        var (topic, city, day) = GeneratedReports.Event(0);

        var found = new SourceDifferences(sheet, SheetSupport.Default).Find(lead);

        // Reports of the same talks in the same city on another day differ on the day; those of
        // another topic or city (the most alike in words) are other events. The check is bounded.
        Assert.NotEmpty(found);
        Assert.InRange(found.Count, 1, 12);
        Assert.All(found, d =>
        {
            Assert.Equal((SupportFailureKind.Circumstance, $"{day}"), (d.Kind, d.Mine));
            Assert.Contains($"{topic} with delegates in {city} on day ", d.Other.Text, StringComparison.Ordinal);
        });
    }
}
