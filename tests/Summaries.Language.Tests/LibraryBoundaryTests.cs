namespace Summaries.Language.Tests;

/// <summary>
/// The library is plain domain code that the entity service ships: no wire or web types, and none of
/// the training, corpus or scoring code (that lives in tests/Summaries.Evaluation/Training).
/// </summary>
public sealed class LibraryBoundaryTests
{
    private static readonly System.Reflection.Assembly Library = typeof(RuleBasedAnnotator).Assembly;

    [Fact]
    public void References_Library_NoWireOrWebAssemblies()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "Grpc", "Google.Protobuf", "Summaries.Contracts", "Summaries.ServiceDefaults"];

        var references = Library.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("NerTrainer")]
    [InlineData("PerceptronTrainer")]
    [InlineData("ConllCorpus")]
    [InlineData("GazetteerBuilder")]
    [InlineData("WordTableBuilder")]
    [InlineData("ClusterInducer")]
    [InlineData("NerEvaluator")]
    [InlineData("NerScorer")]
    public void Types_Library_HoldNoTrainingOrCorpusCode(string name)
    {
        Assert.DoesNotContain(Library.GetTypes(), type => type.Name == name);
    }
}
