using System.Net.Security;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Security.Tls;

namespace Summaries.ServiceDefaults.Tests.Security.Tls;

/// <summary>deploy/tls/make-dev-certs.sh (openssl) makes files the services accept as they are.</summary>
public sealed class DevCertificateScriptTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "summaries-devcerts-" + Guid.NewGuid().ToString("N")[..8]);

    [SkippableFact]
    public async Task MakeDevCerts_Run_ServerAndClientFilesPassTheServicesChecks()
    {
        ExternalTools.Require(ExternalTools.OpenSsl, "openssl", "apt-get install openssl");
        var script = Path.Combine(RepoPaths.Root, "deploy", "tls", "make-dev-certs.sh");

        var run = await CommandRunner.RunAsync("bash", [script, _out, "dashboard"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var server = new ServerTlsOptions
        {
            CertificatePath = Path.Combine(_out, "server.pem"),
            KeyPath = Path.Combine(_out, "server.key"),
            ClientCaPath = Path.Combine(_out, "ca.pem"),
            RequireClientCertificate = true,
        };
        Assert.Empty(server.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(server)));
        var client = new ClientTlsOptions
        {
            CaPath = server.ClientCaPath,
            CertificatePath = Path.Combine(_out, "dashboard.pem"),
            KeyPath = Path.Combine(_out, "dashboard.key"),
        };
        Assert.Empty(client.Problems());

        var authorities = CertificateAuthorities.Load(server.ClientCaPath);
        using var serverCertificate = CertificateFiles.LoadWithKey(server.CertificatePath, server.KeyPath);
        using var clientCertificate = CertificateFiles.LoadWithKey(client.CertificatePath, client.KeyPath);
        Assert.True(ClientTransport.IsValid(serverCertificate, null, SslPolicyErrors.None, authorities, "localhost"));
        Assert.True(ClientTransport.IsValid(serverCertificate, null, SslPolicyErrors.None, authorities, "127.0.0.1"));
        Assert.True(authorities.Trusts(clientCertificate));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
