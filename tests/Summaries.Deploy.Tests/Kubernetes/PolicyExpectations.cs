namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>One allowed connection: <see cref="From"/> may open TCP connections to <see cref="To"/> on <see cref="Port"/>.</summary>
/// <remarks>From is an app name, "ns[label=value]" for a namespace selector, "*" for anyone; Port 0 means every port.</remarks>
public sealed record Edge(string From, string To, int Port)
{
    public override string ToString() => $"{From} -> {To}:{(Port == 0 ? "*" : Port)}";
}

/// <summary>What the Summaries manifests must say, independent of any overlay.</summary>
public sealed record PolicyExpectations(
    IReadOnlyDictionary<string, string> GrpcServiceByApp,
    IReadOnlyDictionary<string, int> PortByApp,
    IReadOnlyList<(string From, string To)> CallGraph,
    string ClientsNamespaceLabel)
{
    /// <summary>Namespaces with this label hold the dashboard and other grpcurl clients.</summary>
    public const string ClientsLabel = "summaries.dev/clients=true";

    public static PolicyExpectations Summaries { get; } = new(
        new Dictionary<string, string>
        {
            ["ingestion"] = "summaries.ingestion.v1.IngestionService",
            ["entity"] = "summaries.entity.v1.EntityService",
            ["summary"] = "summaries.summary.v1.SummaryService",
        },
        new Dictionary<string, int> { ["ingestion"] = 5101, ["entity"] = 5102, ["summary"] = 5103 },
        [("ingestion", "entity"), ("summary", "ingestion"), ("summary", "entity")],
        ClientsLabel);

    /// <summary>Exactly these connections may be allowed: the call graph, and clients to every service.</summary>
    public IReadOnlySet<Edge> AllowedEdges =>
        CallGraph.Select(c => new Edge(c.From, c.To, PortByApp[c.To]))
            .Concat(PortByApp.Select(p => new Edge($"ns[{ClientsNamespaceLabel}]", p.Key, p.Value)))
            .ToHashSet();
}
