using Summaries.Language;

namespace Summaries.Language.Tests.Attribution;

/// <summary>The acceptance check for quotes on the example article (seeds/blinken-xi-beijing.txt): every direct quote, its speaker, and the speakers' roles.</summary>
public sealed class ExampleArticleQuotesTests
{
    private static readonly (string QuoteStart, string Speaker)[] ExpectedDirectQuotes =
    [
        ("The two sides have agreed", "Xi Jinping"),
        ("some specific issues", "Xi Jinping"),
        ("This is very good,", "Xi Jinping"),
        ("I hope that through this visit", "Xi Jinping"),
        ("coincides with a critical juncture", "China’s ministry of foreign affairs"),
        ("US side’s erroneous perception", "China’s ministry of foreign affairs"),
        ("low point", "China’s ministry of foreign affairs"),
        ("the spiralling decline", "China’s ministry of foreign affairs"),
        ("demanded that the US stop", "China’s ministry of foreign affairs"),
        ("precisely so that we can make sure", "Antony Blinken"),
        ("benefit our two countries", "Xi Jinping"),
    ];

    private static readonly (string Holder, string Role)[] ExpectedRoles =
    [
        ("Antony Blinken", "US secretary of state"),
        ("Xi Jinping", "Chinese President"),
        ("Wang Yi", "China’s top diplomat"),
        ("Bill Gates", "Microsoft co-founder"),
    ];

    [Fact]
    public void Annotate_ExampleArticle_AttributesEveryDirectQuoteAndBindsRoles()
    {
        var annotation = new RuleBasedAnnotator().Annotate(AnnotationTestText.ReadExampleArticle());
        string NameOf(string? key) => annotation.Entities.SingleOrDefault(e => e.Key == key)?.DisplayName ?? "(none)";

        var direct = annotation.Quotes.Where(q => q.Direct).ToList();
        Assert.Equal(ExpectedDirectQuotes.Length, direct.Count);
        for (var i = 0; i < ExpectedDirectQuotes.Length; i++)
        {
            var (quoteStart, speaker) = ExpectedDirectQuotes[i];
            Assert.StartsWith(quoteStart, direct[i].Text, StringComparison.Ordinal);
            Assert.Equal(speaker, NameOf(direct[i].SpeakerKey));
        }

        foreach (var (holder, role) in ExpectedRoles)
        {
            Assert.Contains(annotation.Entity(holder).Roles, r => string.Equals(r.Text, role, StringComparison.OrdinalIgnoreCase));
        }
    }
}
