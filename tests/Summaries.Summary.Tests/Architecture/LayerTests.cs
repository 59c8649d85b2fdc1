using System.Reflection;
using NetArchTest.Rules;
using Summaries.Summary.Briefings;
using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Tests.Architecture;

/// <summary>
/// What holds of the summary service's layers so far: shared text utilities depend on no feature;
/// feature folders depend one way (Writing does not reach into Stories, Balance, Briefings or Llm;
/// Llm and Sources do not reach back into Briefings); and the folders listed in
/// <see cref="ProtoFree"/> use no proto type. Briefings, Storage, Sources and Stories still speak
/// proto (the stored briefing is the proto message; a source document holds the ingestion and
/// entity messages); they are not asserted here.
/// </summary>
public sealed class LayerTests
{
    private const string Root = "Summaries.Summary";
    private const string Contracts = "Summaries.Contracts";

    private static readonly Assembly Service = typeof(BriefingService).Assembly;

    private static readonly string[] Features =
    [
        "Balance", "Briefings", "Claims", "Clients", "Facts", "Grpc", "Llm", "Neutrality", "Sources", "Storage",
        "Stories", "Support", "Verification", "Writing",
    ];

    /// <summary>Folders with no proto type at all.</summary>
    public static TheoryData<string> ProtoFree() =>
        ["Text", "Writing", "Llm", "Balance", "Verification", "Support", "Neutrality", "Claims"];

    [Fact]
    public void TextUtilities_FeatureFolders_NotDependedOn()
    {
        var types = Types.InAssembly(Service).That().ResideInNamespace($"{Root}.Text").GetTypes().ToList();
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace($"{Root}.Text")
            .ShouldNot().HaveDependencyOnAny([.. Features.Select(f => $"{Root}.{f}")])
            .GetResult();

        Assert.Contains(typeof(ContentWords), types);
        Assert.True(result.IsSuccessful, "Text types that use a feature folder: " + Failing(result));
    }

    [Theory]
    [InlineData("Writing", new[] { "Stories", "Balance", "Briefings", "Llm", "Verification", "Grpc", "Storage" })]
    [InlineData("Stories", new[] { "Writing", "Briefings", "Grpc" })]
    [InlineData("Balance", new[] { "Briefings", "Writing.BuiltIn", "Grpc" })]
    [InlineData("Llm", new[] { "Briefings", "Grpc" })]
    [InlineData("Sources", new[] { "Briefings", "Grpc" })]
    [InlineData("Verification", new[] { "Briefings", "Llm", "Grpc" })]
    public void FeatureFolder_LaterFolders_NotDependedOn(string folder, string[] later)
    {
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace($"{Root}.{folder}")
            .ShouldNot().HaveDependencyOnAny([.. later.Select(f => $"{Root}.{f}")])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{folder} types that use {string.Join("/", later)}: " + Failing(result));
    }

    [Theory]
    [MemberData(nameof(ProtoFree))]
    public void ProtoFreeFolder_Contracts_NotDependedOn(string folder)
    {
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace($"{Root}.{folder}")
            .ShouldNot().HaveDependencyOn(Contracts)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{folder} types that use proto types: " + Failing(result));
    }

    [Fact]
    public void FactSheet_Contracts_OnlyInTheBuilder()
    {
        var dependents = Types.InAssembly(Service)
            .That().ResideInNamespace($"{Root}.Facts")
            .Should().NotHaveDependencyOn(Contracts)
            .GetResult().FailingTypes?.Select(Outermost).Distinct().ToList() ?? [];

        Assert.Equal([typeof(FactSheetBuilder)], dependents);
    }

    [Fact]
    public void ContractsDependency_RuleSeesProtoUse()
    {
        // The rules above would pass vacuously if NetArchTest saw no proto use at all.
        var dependents = Types.InAssembly(Service).ShouldNot().HaveDependencyOn(Contracts).GetResult().FailingTypes ?? [];

        Assert.Contains(typeof(BriefingMapper), dependents);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static string Failing(TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
