using System.Reflection;
using NetArchTest.Rules;
using Summaries.Summary.Briefings;
using Summaries.Summary.Clients;
using Summaries.Summary.Grpc;
using Summaries.Summary.Text;

namespace Summaries.Summary.Tests.Architecture;

/// <summary>
/// The wire stays at the edge: proto types (and the protobuf and google.rpc libraries) appear only
/// in <c>Grpc/</c> (what the service serves), <c>Clients/</c> (calls to ingestion and entity) and the
/// composition root. Shared text utilities depend on no feature; feature folders depend one way
/// (Writing does not reach into Stories, Balance, Briefings or Llm; Llm and Sources do not reach
/// back into Briefings; Briefings and Storage never reach into the adapters).
/// </summary>
public sealed class LayerTests
{
    private const string Root = "Summaries.Summary";
    private const string Contracts = "Summaries.Contracts";

    /// <summary>Where wire types may be named: the two adapters, and the types that wire the service up.</summary>
    private static readonly string[] Edges = [$"{Root}.Grpc", $"{Root}.Clients"];

    private static readonly Type[] CompositionRoot = [typeof(Program), typeof(SummaryServiceRegistration)];

    private static readonly Assembly Service = typeof(BriefingService).Assembly;

    private static readonly string[] Features =
    [
        "Balance", "Briefings", "Claims", "Clients", "Facts", "Grpc", "Llm", "Neutrality", "Sources", "Storage",
        "Stories", "Support", "Verification", "Writing",
    ];

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
    [InlineData("Briefings", new[] { "Grpc", "Storage" })]
    [InlineData("Storage", new[] { "Grpc", "Clients", "Stories" })]
    [InlineData("Facts", new[] { "Briefings", "Clients", "Grpc", "Storage" })]
    public void FeatureFolder_LaterFolders_NotDependedOn(string folder, string[] later)
    {
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace($"{Root}.{folder}")
            .ShouldNot().HaveDependencyOnAny([.. later.Select(f => $"{Root}.{f}")])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{folder} types that use {string.Join("/", later)}: " + Failing(result));
    }

    [Theory]
    [InlineData(Contracts)]
    [InlineData("Google.Protobuf")]
    [InlineData("Google.Rpc")]
    public void WireTypes_OutsideAdaptersAndCompositionRoot_NotDependedOn(string wire)
    {
        var dependents = Types.InAssembly(Service).ShouldNot().HaveDependencyOn(wire).GetResult().FailingTypes?.ToList() ?? [];

        Assert.Empty(dependents.Where(t => !AtTheEdge(t)).Select(t => t.FullName));
    }

    [Fact]
    public void WireTypes_RuleSeesProtoUse()
    {
        // The rule above would pass vacuously if NetArchTest saw no proto use at all.
        var dependents = Types.InAssembly(Service).ShouldNot().HaveDependencyOn(Contracts).GetResult().FailingTypes ?? [];

        Assert.Contains(typeof(BriefingMapper), dependents);
        Assert.Contains(typeof(SourceMapper), dependents);
    }

    private static bool AtTheEdge(Type type)
    {
        var outer = Outermost(type);
        return CompositionRoot.Contains(outer)
            || (outer.Namespace is { } ns && Edges.Any(e => ns == e || ns.StartsWith(e + ".", StringComparison.Ordinal)));
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
