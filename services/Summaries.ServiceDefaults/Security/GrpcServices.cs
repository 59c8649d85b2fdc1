using Microsoft.AspNetCore.Http;

namespace Summaries.ServiceDefaults.Security;

/// <summary>gRPC service names as they appear in request paths (<c>/package.Service/Method</c>).</summary>
public static class GrpcServices
{
    public const string Health = "grpc.health.v1.Health";
    public const string ReflectionV1 = "grpc.reflection.v1.ServerReflection";
    public const string ReflectionV1Alpha = "grpc.reflection.v1alpha.ServerReflection";

    /// <summary>What probes and <c>grpcurl list/describe</c> use: health and both reflection versions.</summary>
    public static IReadOnlyList<string> HealthAndReflection { get; } = [Health, ReflectionV1, ReflectionV1Alpha];

    /// <summary>The service part of a gRPC request path, or "" for a path that is not one.</summary>
    public static string ServiceOf(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value[0] != '/')
        {
            return string.Empty;
        }

        var slash = value.IndexOf('/', 1);
        return slash > 1 ? value[1..slash] : string.Empty;
    }

    /// <summary>
    /// The configured list, or <paramref name="defaults"/> when the setting is absent. Blank entries
    /// are dropped, so a single empty entry (<c>X__0=</c>) configures an empty list.
    /// </summary>
    public static IReadOnlySet<string> Effective(string[]? configured, IReadOnlyList<string> defaults) =>
        (configured ?? [.. defaults]).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToHashSet(StringComparer.Ordinal);
}
