using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Summaries.Contracts.Entity.V1;
using Summaries.EndToEnd.Tests.Infrastructure;
using Summaries.Testing.Security;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>HTTP/2 over TLS on the services' ports, and client certificates where they are required.</summary>
[Collection(SecuredSystemCollection.Name)]
public sealed class TlsTests(SecuredSystemFixture system)
{
    private const string Text = "Chinese President Xi Jinping met US secretary of state Antony Blinken in Beijing.";

    [Fact]
    public async Task Tls_ClientTrustingTheCaWithClientCertificate_IsServed()
    {
        using var channel = system.DashboardChannel(system.Entity);

        var reply = await new EntityService.EntityServiceClient(channel).AnnotateTextAsync(new AnnotateTextRequest { Text = Text });

        Assert.Contains(reply.Annotation.Entities, e => e.DisplayName == "Xi Jinping");
    }

    [Fact]
    public async Task Tls_CleartextClient_Fails()
    {
        using var channel = TestChannels.Create($"http://127.0.0.1:{system.Entity.Port}", headers: ("x-api-key", system.DashboardKey));

        var error = await Assert.ThrowsAsync<RpcException>(() => Check(channel, SystemFixture.EntityServiceName));

        AssertTransportFailure(error);
    }

    [Fact]
    public async Task Tls_ClientTrustingAnotherCa_Fails()
    {
        using var other = TestPki.Create("dashboard");
        using var channel = TestChannels.Create($"https://127.0.0.1:{system.Summary.Port}", other.Ca, headers: ("x-api-key", system.DashboardKey));

        var error = await Assert.ThrowsAsync<RpcException>(() => Check(channel, SystemFixture.SummaryServiceName));

        AssertTransportFailure(error);
    }

    [Fact]
    public async Task Tls_OptionalClientCertificates_ServesClientWithoutCertificate()
    {
        using var channel = TestChannels.Create($"https://127.0.0.1:{system.Summary.Port}", system.Pki.Ca);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Check(channel, SystemFixture.SummaryServiceName)).Status);
    }

    [Fact]
    public async Task Tls_OptionalClientCertificates_CertificateFromAnotherCaIsRejected()
    {
        using var other = TestPki.Create("intruder");
        using var channel = TestChannels.Create($"https://127.0.0.1:{system.Summary.Port}", system.Pki.Ca, other.Client("intruder").Certificate);

        var error = await Assert.ThrowsAsync<RpcException>(() => Check(channel, SystemFixture.SummaryServiceName));

        AssertTransportFailure(error);
    }

    [Fact]
    public async Task MutualTls_NoClientCertificate_IsRejected()
    {
        using var channel = TestChannels.Create($"https://127.0.0.1:{system.Entity.Port}", system.Pki.Ca, headers: ("x-api-key", system.DashboardKey));

        var error = await Assert.ThrowsAsync<RpcException>(() => Check(channel, SystemFixture.EntityServiceName));

        AssertTransportFailure(error);
    }

    [Fact]
    public async Task MutualTls_ClientCertificateFromAnotherCa_IsRejected()
    {
        using var other = TestPki.Create("intruder");
        using var channel = TestChannels.Create(
            $"https://127.0.0.1:{system.Entity.Port}", system.Pki.Ca, other.Client("intruder").Certificate, ("x-api-key", system.DashboardKey));

        var error = await Assert.ThrowsAsync<RpcException>(() => Check(channel, SystemFixture.EntityServiceName));

        AssertTransportFailure(error);
    }

    private static async Task<HealthCheckResponse> Check(GrpcChannel channel, string service) =>
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(10));

    // The connection is refused before any gRPC status exists: clients see UNAVAILABLE (or INTERNAL).
    private static void AssertTransportFailure(RpcException error) =>
        Assert.True(error.StatusCode is StatusCode.Unavailable or StatusCode.Internal, $"{error.StatusCode}: {error.Status.Detail}");
}
