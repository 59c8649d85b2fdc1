using System.Reflection;
using NetArchTest.Rules;
using Summaries.Ingestion.Clients;
using Summaries.Ingestion.Grpc;

namespace Summaries.Ingestion.Tests.Architecture;

/// <summary>
/// The wire stays at the edge: proto types appear only in <c>Grpc/</c> (what the service serves),
/// <c>Clients/</c> (the entity service it calls) and the composition root; annotation reaches the
/// entity service only through the client, and storage knows nothing of annotation or watching.
/// </summary>
public sealed class LayerTests
{
    private const string Contracts = "Summaries.Contracts";
    private const string Root = "Summaries.Ingestion";

    private static readonly Assembly Service = typeof(IngestionServiceRegistration).Assembly;

    /// <summary>Where the proto types may be named besides Grpc/ and Clients/: the types that wire the service up.</summary>
    private static readonly Type[] CompositionRoot = [typeof(Program), typeof(IngestionServiceRegistration)];

    [Fact]
    public void ContractsDependency_OutsideGrpcClientsAndCompositionRoot_None()
    {
        var dependents = Types.InAssembly(Service).ShouldNot().HaveDependencyOn(Contracts).GetResult().FailingTypes?.ToList() ?? [];

        // The rule sees proto use where it is allowed; otherwise an empty answer below would prove nothing.
        Assert.Contains(typeof(ArticleMapper), dependents);
        Assert.Contains(typeof(EntityServiceAnnotator), dependents);
        Assert.Empty(dependents.Where(t => !AtTheEdge(t)).Select(t => t.FullName));
    }

    [Fact]
    public void Storage_AnnotationWatchingAndAdapters_NotDependedOn()
    {
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace(Root + ".Storage")
            .ShouldNot().HaveDependencyOnAny(Root + ".Annotation", Root + ".Watching", Root + ".Grpc", Root + ".Clients", Root + ".Importing")
            .GetResult();

        Assert.True(result.IsSuccessful, "Storage types that depend on later stages: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Annotation_EntityClientAndAdapters_NotDependedOn()
    {
        var result = Types.InAssembly(Service)
            .That().ResideInNamespace(Root + ".Annotation")
            .ShouldNot().HaveDependencyOnAny(Root + ".Clients", Root + ".Grpc", Root + ".Importing", Root + ".Watching")
            .GetResult();

        Assert.True(result.IsSuccessful, "Annotation types that depend on the client or adapters: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static bool AtTheEdge(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }

        return InFolder(outer, Root + ".Grpc") || InFolder(outer, Root + ".Clients") || CompositionRoot.Contains(outer);
    }

    private static bool InFolder(Type type, string ns) =>
        type.Namespace is { } name && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));
}
