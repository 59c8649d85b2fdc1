using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Hosting;

/// <summary>Where a service listens and how large its messages may be. Section <c>Service</c>.</summary>
public sealed class ServiceHostOptions
{
    public const string SectionName = "Service";

    /// <summary>Default <see cref="MaxReceiveMessageSize"/>: 16 MiB.</summary>
    public const int DefaultMaxReceiveMessageSize = 16 * 1024 * 1024;

    /// <summary>TCP port for gRPC (h2c, or HTTP/2 over TLS when <c>Service:Tls</c> names a certificate). 0 picks a free port. Each service sets its own default.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Address to bind: "localhost" (default, loopback only) or "*" for every interface (containers).</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    /// <summary>Largest request message accepted, in bytes; a larger one fails with RESOURCE_EXHAUSTED. Default 16 MiB.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent, in bytes; a larger one fails the call with RESOURCE_EXHAUSTED. Default unset (no limit).</summary>
    [Range(1024, int.MaxValue)]
    public int? MaxSendMessageSize { get; set; }
}
