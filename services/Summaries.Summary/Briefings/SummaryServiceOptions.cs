using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Clients;

namespace Summaries.Summary.Briefings;

/// <summary>Where the summary service finds the other services. Section <c>Clients</c>.</summary>
public sealed class ClientsOptions
{
    public const string SectionName = "Clients";

    /// <summary>Address of the ingestion service: http(s)://host:port or dns:///host:port (round-robin). Default http://localhost:5101.</summary>
    [Required, GrpcAddress]
    public string IngestionAddress { get; set; } = "http://localhost:5101";

    /// <summary>Address of the entity service: http(s)://host:port or dns:///host:port (round-robin). Default http://localhost:5102.</summary>
    [Required, GrpcAddress]
    public string EntityAddress { get; set; } = "http://localhost:5102";
}
