using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.Deploy.Tests.Infrastructure;
using Summaries.Deploy.Tests.Kubernetes;
using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.Deploy.Tests.Docs;

/// <summary>
/// deploy/README.md has a runnable grpcurl line for every RPC in protos/ (so a new RPC without a
/// recipe fails here), each aimed at the port-forwarded port of the service that serves it and
/// carrying the API key the prod services require.
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

    /// <summary>Cleartext through port-forward, or (prod-tls) mutual TLS checked against the Service's name.</summary>
    [Fact]
    public void Guide_GrpcurlLines_AreWellFormed()
    {
        foreach (var line in GrpcurlLines)
        {
            Assert.Equal(0, line.Count(c => c == '\'') % 2);
            var target = Target().Match(line);
            Assert.True(target.Success, $"no `localhost:PORT target` in: {line}");
            if (!line.Contains("-plaintext", StringComparison.Ordinal))
            {
                var app = PolicyExpectations.Summaries.PortByApp.Single(p => p.Value == int.Parse(target.Groups["port"].Value, CultureInfo.InvariantCulture)).Key;
                Assert.All(new[] { "-cacert ", "-cert ", "-key ", $"-servername {app}.summaries.svc.cluster.local " },
                    flag => Assert.True(line.Contains(flag, StringComparison.Ordinal), $"neither -plaintext nor `{flag.Trim()}` in: {line}"));
            }
        }
    }

    /// <summary>In prod the services' own RPCs need the API key; health and reflection are shown without one, as the probes call them.</summary>
    [Fact]
    public void Guide_ServiceRpcLines_SendTheApiKey_HealthAndReflectionLinesDoNot()
    {
        var header = $"-H \"{PresentedApiKey.HeaderName}: $API_KEY\" ";
        var rpcLines = GrpcurlLines.Where(l => Target().Match(l).Groups["rpc"].Value.StartsWith("summaries.", StringComparison.Ordinal)).ToList();
        var anonymousLines = GrpcurlLines.Except(rpcLines).ToList();

        Assert.True(rpcLines.Count >= ProtoRpcs().Count(), "fewer RPC lines than RPCs");
        Assert.All(rpcLines, l => Assert.True(l.Contains(header, StringComparison.Ordinal), $"no `{header.Trim()}` in: {l}"));
        Assert.Contains(anonymousLines, l => l.Contains(" grpc.health.v1.Health/Check", StringComparison.Ordinal));
        Assert.Contains(anonymousLines, l => l.EndsWith(" list", StringComparison.Ordinal));
        Assert.All(anonymousLines, l => Assert.DoesNotContain(PresentedApiKey.HeaderName, l, StringComparison.OrdinalIgnoreCase));
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

    [GeneratedRegex(@" localhost:(?<port>510[123]) ((list|describe)\b|(?<rpc>[\w.]+/\w+))")]
    private static partial Regex Target();
}
