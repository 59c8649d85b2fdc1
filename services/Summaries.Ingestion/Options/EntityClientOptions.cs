using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Clients;

namespace Summaries.Ingestion.Options;

/// <summary>Where the entity service listens. Section <c>Clients:EntityService</c>.</summary>
public sealed class EntityClientOptions
{
    public const string SectionName = "Clients:EntityService";

    /// <summary>
    /// Address of the entity service: http(s)://host:port, or dns:///host:port for round-robin over
    /// every address the name resolves to (a Kubernetes headless Service). Default <c>http://localhost:5102</c>.
    /// </summary>
    [Required, GrpcAddress]
    public string Address { get; set; } = "http://localhost:5102";
}
