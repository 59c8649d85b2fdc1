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

    /// <summary>kube-dns (CoreDNS) pods, which every pod asks.</summary>
    public const string Dns = "ns[kubernetes.io/metadata.name=kube-system]/pods[k8s-app=kube-dns]";

    /// <summary>The OTLP collector's namespace (the prod overlay's otel-collector.observability).</summary>
    public const string Collector = "ns[kubernetes.io/metadata.name=observability]";

    /// <summary>The LLM: public addresses only, never the private, shared or link-local (metadata) ranges.</summary>
    public const string PublicInternet = "ip[0.0.0.0/0 except 10.0.0.0/8,100.64.0.0/10,169.254.0.0/16,172.16.0.0/12,192.168.0.0/16]";

    /// <summary>The one service that calls the LLM over HTTPS.</summary>
    public const string LlmCaller = "summary";

    /// <summary>PostgreSQL, outside the manifests: its port on the private ranges.</summary>
    public static IReadOnlyList<string> Postgres { get; } = ["ip[10.0.0.0/8]", "ip[172.16.0.0/12]", "ip[192.168.0.0/16]"];

    /// <summary>Exactly what each service's pods may connect to: DNS, PostgreSQL, OTLP, the services it calls, and the LLM for summary.</summary>
    public IReadOnlySet<EgressEdge> EgressOf(string app)
    {
        var edges = new HashSet<EgressEdge>
        {
            new(app, Dns, "UDP/53"),
            new(app, Dns, "TCP/53"),
            new(app, Collector, "TCP/4317"),
        };
        edges.UnionWith(Postgres.Select(cidr => new EgressEdge(app, cidr, "TCP/5432")));
        edges.UnionWith(CallGraph.Where(c => c.From == app).Select(c => new EgressEdge(app, c.To, $"TCP/{PortByApp[c.To]}")));
        if (app == LlmCaller)
        {
            edges.Add(new EgressEdge(app, PublicInternet, "TCP/443"));
        }

        return edges;
    }

    /// <summary>Exactly these connections may be allowed: the call graph, and clients to every service.</summary>
    public IReadOnlySet<Edge> AllowedEdges =>
        CallGraph.Select(c => new Edge(c.From, c.To, PortByApp[c.To]))
            .Concat(PortByApp.Select(p => new Edge($"ns[{ClientsNamespaceLabel}]", p.Key, p.Value)))
            .ToHashSet();
}
