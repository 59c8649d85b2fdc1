namespace Summaries.ServiceDefaults.Clients;

/// <summary>The address forms a Summaries gRPC client accepts.</summary>
public static class GrpcAddress
{
    /// <summary>The scheme that makes the client resolve every address of a name and balance over them.</summary>
    public const string DnsScheme = "dns";

    /// <summary>
    /// A fixed list of replicas, <c>static:///host1:port1,host2:port2</c>, balanced like <c>dns:</c>: for
    /// deployments without a headless Service (several processes on one host, a VM pool).
    /// </summary>
    public const string StaticScheme = "static";

    /// <summary>
    /// True for <c>http://host:port</c>, <c>https://host:port</c>, <c>dns:///host:port</c> and
    /// <c>static:///host:port,host:port</c> (the port is required with dns and static: there is no
    /// scheme default to fall back on).
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

        if (IsStatic(uri))
        {
            var targets = Targets(uri);
            return targets.Count > 0 && targets.All(IsHostPort);
        }

        return UsesResolver(uri) && DnsTarget(uri) is { } target && IsHostPort(target);
    }

    /// <summary>Whether the address goes through gRPC's name resolver and load balancer (<c>dns:</c>, <c>static:</c>).</summary>
    public static bool UsesResolver(Uri address) =>
        string.Equals(address.Scheme, DnsScheme, StringComparison.OrdinalIgnoreCase) || IsStatic(address);

    /// <summary>Whether the address is a fixed replica list (<c>static:</c>).</summary>
    public static bool IsStatic(Uri address) =>
        string.Equals(address.Scheme, StaticScheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>host:port</c> entries of a <c>static:</c> or <c>dns:</c> address.</summary>
    public static IReadOnlyList<string> Targets(Uri address) =>
        address.AbsolutePath.TrimStart('/').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsHostPort(string target) =>
        Uri.TryCreate("http://" + target, UriKind.Absolute, out var hostPort)
        && !string.IsNullOrEmpty(hostPort.Host) && !hostPort.IsDefaultPort
        && hostPort.AbsolutePath == "/";

    // dns:///host:port keeps host:port in the path; dns://server/host:port names a DNS server first.
    private static string? DnsTarget(Uri uri)
    {
        var target = uri.AbsolutePath.TrimStart('/');
        return target.Length == 0 ? null : target;
    }
}
