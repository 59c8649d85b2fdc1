namespace Summaries.ServiceDefaults.Clients;

/// <summary>The address forms a Summaries gRPC client accepts.</summary>
public static class GrpcAddress
{
    /// <summary>The scheme that makes the client resolve every address of a name and balance over them.</summary>
    public const string DnsScheme = "dns";

    /// <summary>
    /// True for <c>http://host:port</c>, <c>https://host:port</c> and <c>dns:///host:port</c>
    /// (the port is required with dns: there is no scheme default to fall back on).
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.Scheme is "http" or "https")
        {
            return !string.IsNullOrEmpty(uri.Host);
        }

        return UsesResolver(uri) && DnsTarget(uri) is { } target
            && Uri.TryCreate("http://" + target, UriKind.Absolute, out var hostPort)
            && !string.IsNullOrEmpty(hostPort.Host) && !hostPort.IsDefaultPort
            && hostPort.AbsolutePath == "/";
    }

    /// <summary>Whether the address goes through gRPC's name resolver and load balancer (<c>dns:</c>).</summary>
    public static bool UsesResolver(Uri address) =>
        string.Equals(address.Scheme, DnsScheme, StringComparison.OrdinalIgnoreCase);

    // dns:///host:port keeps host:port in the path; dns://server/host:port names a DNS server first.
    private static string? DnsTarget(Uri uri)
    {
        var target = uri.AbsolutePath.TrimStart('/');
        return target.Length == 0 ? null : target;
    }
}
