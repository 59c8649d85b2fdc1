using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Hosting;

/// <summary>Where a service listens. Section <c>Service</c>.</summary>
public sealed class ServiceHostOptions
{
    public const string SectionName = "Service";

    /// <summary>TCP port for gRPC over cleartext HTTP/2 (h2c). 0 picks a free port. Each service sets its own default.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Address to bind: "localhost" (default, loopback only) or "*" for every interface (containers).</summary>
    [Required]
    public string Host { get; set; } = "localhost";
}
