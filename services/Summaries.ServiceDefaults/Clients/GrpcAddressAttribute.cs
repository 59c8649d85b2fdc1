using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>
/// Validates a gRPC client address: <c>http(s)://host:port</c>, <c>dns:///host:port</c> or <c>static:///host:port,host:port</c>.
/// Use it instead of <see cref="UrlAttribute"/>, which only knows http, https and ftp.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class GrpcAddressAttribute : ValidationAttribute
{
    public GrpcAddressAttribute()
        : base("The {0} field must be http://host:port, https://host:port, dns:///host:port or static:///host:port,host:port.")
    {
    }

    /// <inheritdoc/>
    public override bool IsValid(object? value) => value is null || (value is string s && GrpcAddress.IsValid(s));
}
