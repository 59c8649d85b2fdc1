using System.Reflection;
using NetArchTest.Rules;
using Summaries.Entity.Grpc;
using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Architecture;

/// <summary>
/// The wire stays at the edge: proto types appear only in <c>Grpc/</c> (what the service serves) and
/// the composition root; the registry works in domain types and never reaches back into the adapter;
/// the language engine knows nothing of the wire or the web.
/// </summary>
public sealed class LayerTests
{
    private const string Contracts = "Summaries.Contracts";
    private const string GrpcNamespace = "Summaries.Entity.Grpc";

    private static readonly Assembly Service = typeof(EntityAnnotationService).Assembly;

    /// <summary>Where the proto types may be named: the adapter, and the types that wire it up.</summary>
    private static readonly Type[] CompositionRoot = [typeof(Program), typeof(EntityServiceRegistration)];

    [Fact]
    public void ContractsDependency_OutsideGrpcAndCompositionRoot_None()
    {
        var dependents = Types.InAssembly(Service).ShouldNot().HaveDependencyOn(Contracts).GetResult().FailingTypes?.ToList() ?? [];

        // The rule sees proto use where it is allowed; otherwise an empty answer below would prove nothing.
        Assert.Contains(typeof(AnnotationMapper), dependents);
        Assert.Empty(dependents.Where(t => !AtTheEdge(t)).Select(t => t.FullName));
    }

    [Fact]
    public void RegistryTypes_GrpcAdapter_NotDependedOn()
    {
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace("Summaries.Entity.Registry")
            .ShouldNot().HaveDependencyOn(GrpcNamespace)
            .GetResult();

        Assert.True(result.IsSuccessful, "Registry types that use the gRPC adapter: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void LanguageLibrary_WireAndWeb_NotDependedOn()
    {
        var result = Types.InAssembly(typeof(ITextAnnotator).Assembly)
            .ShouldNot().HaveDependencyOnAny(Contracts, "Google.Protobuf", "Grpc", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, "Language types that use wire or web types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static bool AtTheEdge(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }

        return outer.Namespace is { } ns && (ns == GrpcNamespace || ns.StartsWith(GrpcNamespace + ".", StringComparison.Ordinal))
            || CompositionRoot.Contains(outer);
    }
}
