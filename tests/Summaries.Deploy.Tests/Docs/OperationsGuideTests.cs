using System.Text.RegularExpressions;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Deploy.Tests.Kubernetes;

namespace Summaries.Deploy.Tests.Docs;

/// <summary>
/// deploy/README.md has a runnable grpcurl line for every RPC in protos/ (so a new RPC without a
/// recipe fails here), each aimed at the port-forwarded port of the service that serves it.
/// </summary>
public sealed partial class OperationsGuideTests
{
    private static string Guide => File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "README.md"));

    private static IReadOnlyList<string> GrpcurlLines =>
        Guide.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("grpcurl ", StringComparison.Ordinal)
                                                           || l.Contains("$(grpcurl ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Guide_EveryRpcInProtos_HasAGrpcurlLineOnItsServicePort()
    {
        var rpcs = ProtoRpcs().ToList();
        Assert.NotEmpty(rpcs);

        foreach (var (package, service, method) in rpcs)
        {
            var app = package.Split('.')[1];
            var port = PolicyExpectations.Summaries.PortByApp[app];
            var target = $"{package}.{service}/{method}";
            Assert.True(GrpcurlLines.Any(l => l.Contains($" localhost:{port} {target}", StringComparison.Ordinal)),
                $"deploy/README.md has no `grpcurl ... localhost:{port} {target}` line");
        }
    }

    [Fact]
    public void Guide_EveryService_HasListDescribeAndHealthThroughPortForward()
    {
        foreach (var (app, port) in PolicyExpectations.Summaries.PortByApp)
        {
            var service = PolicyExpectations.Summaries.GrpcServiceByApp[app];
            Assert.Contains($"kubectl -n summaries port-forward svc/{app} {port}:{port}", Guide, StringComparison.Ordinal);
            Assert.Contains($"grpcurl -plaintext localhost:{port} list", GrpcurlLines);
            Assert.Contains($"grpcurl -plaintext localhost:{port} describe {service}", GrpcurlLines);
            Assert.Contains($"grpcurl -plaintext -d '{{\"service\":\"{service}\"}}' localhost:{port} grpc.health.v1.Health/Check", GrpcurlLines);
        }
    }

    [Fact]
    public void Guide_GrpcurlLines_AreWellFormed()
    {
        foreach (var line in GrpcurlLines)
        {
            Assert.Contains("-plaintext", line, StringComparison.Ordinal);
            Assert.Equal(0, line.Count(c => c == '\'') % 2);
            Assert.Matches(Target(), line);
        }
    }

    private static IEnumerable<(string Package, string Service, string Method)> ProtoRpcs()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "protos", "summaries"), "*.proto", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var package = PackageLine().Match(text).Groups[1].Value;
            foreach (Match service in ServiceBlock().Matches(text))
            {
                foreach (Match rpc in RpcLine().Matches(service.Groups[2].Value))
                {
                    yield return (package, service.Groups[1].Value, rpc.Groups[1].Value);
                }
            }
        }
    }

    [GeneratedRegex(@"^package\s+([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^service\s+(\w+)\s*\{(.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ServiceBlock();

    [GeneratedRegex(@"^\s*rpc\s+(\w+)\s*\(", RegexOptions.Multiline)]
    private static partial Regex RpcLine();

    [GeneratedRegex(@" localhost:510[123] ((list|describe)\b|[\w.]+/\w+)")]
    private static partial Regex Target();
}
