using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Clients;

namespace Summaries.Summary.Clients;

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

    /// <summary>
    /// Deadline of each call to the ingestion or entity service (an incoming call's earlier deadline
    /// wins). A service that accepts the call but never answers then costs a briefing this long, and
    /// the caller gets UNAVAILABLE with RetryInfo instead of a call that never ends. Default 30 s
    /// (annotating a 1,000,000-character article on demand takes seconds).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
