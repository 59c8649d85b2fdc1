using Summaries.Language;

namespace Summaries.Language.Tests.Recognition;

/// <summary>Two people's names run together are two people, where the text names each on their own.</summary>
public sealed class AbuttingNameSplitterTests
{
    private readonly RuleBasedAnnotator annotator = new();

    [Fact]
    public void Split_TwoNamesTheTextUsesAlone_AreTwoPersons()
    {
        var annotation = annotator.Annotate(
            "Tomas Lind runs the clinic. Photo by Anna Berg Tomas Lind at the clinic. Anna Berg wrote the report.");

        var persons = annotation.Entities.Where(e => e.Kind == EntityKind.Person).Select(e => e.DisplayName).Order(StringComparer.Ordinal);
        Assert.Equal(["Anna Berg", "Tomas Lind"], persons);
    }

    [Fact]
    public void Split_LongNameWithOnlyItsEndingUsedAlone_StaysWhole()
    {
        var annotation = annotator.Annotate("Andres Manuel Lopez Obrador won the vote. Lopez Obrador spoke first.");

        Assert.Contains(annotation.Entities, e => e.DisplayName == "Andres Manuel Lopez Obrador");
    }
}
