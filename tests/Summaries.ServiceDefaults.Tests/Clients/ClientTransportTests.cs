using System.Net.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Security.Tls;
using Summaries.Testing.Security;

namespace Summaries.ServiceDefaults.Tests.Clients;

public sealed class ClientTransportTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create("client");

    [Theory]
    [InlineData("https://entity.example.com:5102", false, true)]
    [InlineData("http://entity:5102", true, false)]
    [InlineData("dns:///entity-headless:5102", false, false)]
    [InlineData("dns:///entity-headless:5102", true, true)]
    public void UsesTls_Address_SchemeOrSettingForDns(string address, bool enabled, bool tls) =>
        Assert.Equal(tls, ClientTransport.UsesTls(new Uri(address), new ClientTlsOptions { Enabled = enabled }));

    [Theory]
    [InlineData("https://entity.example.com:5102", "entity.example.com")]
    [InlineData("https://127.0.0.1:5102", "127.0.0.1")]
    [InlineData("dns:///entity-headless.summaries.svc.cluster.local:5102", "entity-headless.summaries.svc.cluster.local")]
    public void ExpectedHost_Address_TheNameNotThePodAddress(string address, string host) =>
        Assert.Equal(host, ClientTransport.ExpectedHost(new Uri(address)));

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("entity.example.com", false)]
    public void IsValid_ServerCertificateOfThePrivateCa_OnlyForItsNames(string host, bool valid)
    {
        var authorities = CertificateAuthorities.Load(_pki.CaPath);

        Assert.Equal(valid, ClientTransport.IsValid(_pki.Server.Certificate, null, SslPolicyErrors.None, authorities, host));
    }

    [Fact]
    public void IsValid_CertificateOfAnotherCa_Rejected()
    {
        using var other = TestPki.Create();
        var authorities = CertificateAuthorities.Load(_pki.CaPath);

        // The system's verdict (none) does not matter once a private CA is configured.
        Assert.False(ClientTransport.IsValid(other.Server.Certificate, null, SslPolicyErrors.None, authorities, "localhost"));
    }

    [Fact]
    public void IsValid_NoPrivateCa_TheSystemsChainVerdictDecides()
    {
        Assert.True(ClientTransport.IsValid(_pki.Server.Certificate, null, SslPolicyErrors.RemoteCertificateNameMismatch, null, "localhost"));
        Assert.False(ClientTransport.IsValid(_pki.Server.Certificate, null, SslPolicyErrors.RemoteCertificateChainErrors, null, "localhost"));
    }

    [Fact]
    public void ApplyChannelDefaults_DnsAddressWithTlsEnabled_SecureCredentialsAndRoundRobin()
    {
        var channel = new GrpcChannelOptions();
        var security = new ClientSecurityOptions { Tls = { Enabled = true } };

        GrpcClientExtensions.ApplyChannelDefaults(channel, new Uri("dns:///entity-headless:5102"), new SummariesGrpcClientOptions(), security);

        Assert.Same(ChannelCredentials.SecureSsl, channel.Credentials);
        Assert.Single(channel.ServiceConfig!.LoadBalancingConfigs);
    }

    [Fact]
    public void Problems_ClientCertificateWithoutKeyAndMissingCa_Named()
    {
        var tls = new ClientTlsOptions { CaPath = Path.Combine(_pki.Directory, "missing.pem"), CertificatePath = _pki.Client("client").CertificatePath };

        var problems = tls.Problems().ToList();

        Assert.Contains($"Clients:Tls:CaPath: file '{tls.CaPath}' does not exist.", problems);
        Assert.Contains(problems, p => p.StartsWith("Clients:Tls:KeyPath is required", StringComparison.Ordinal));
    }

    public void Dispose() => _pki.Dispose();
}
