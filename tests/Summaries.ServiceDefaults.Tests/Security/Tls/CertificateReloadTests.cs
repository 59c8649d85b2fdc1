using System.Security.Cryptography.X509Certificates;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Summaries.Contracts.Entity.V1;
using Summaries.ServiceDefaults.Clients;
using Summaries.ServiceDefaults.Tests.Infrastructure;
using Summaries.Testing.Security;

namespace Summaries.ServiceDefaults.Tests.Security.Tls;

/// <summary>Certificate files replaced under a running Kestrel server and a client: the next handshake uses the new ones.</summary>
public sealed class CertificateReloadTests : IDisposable
{
    private readonly TestPki _first = TestPki.Create("first", "second");
    private readonly TestPki _renewed = TestPki.Create("third");
    private readonly DirectoryInfo _mounted = Directory.CreateTempSubdirectory("summaries-tls-");

    private string CertificatePath => Path.Combine(_mounted.FullName, "tls.crt");

    private string KeyPath => Path.Combine(_mounted.FullName, "tls.key");

    private string CaBundlePath => Path.Combine(_mounted.FullName, "ca.crt");

    [Fact]
    public async Task ServerCertificate_FilesReplaced_NextConnectionSeesTheNewCertificate()
    {
        Mount(_first.Server);
        await using var host = await DefaultsHost.StartAsync(ServerSettings());

        var before = await PresentedServerCertificateAsync(host.Port);
        Mount(_renewed.Server);
        var after = await PresentedServerCertificateAsync(host.Port);

        Assert.Equal(_first.Server.Certificate.Thumbprint, before);
        Assert.Equal(_renewed.Server.Certificate.Thumbprint, after);
    }

    [Fact]
    public async Task ServerCertificate_NewCertificateBesideTheOldKey_OldOneKeptUntilTheKeyArrives()
    {
        Mount(_first.Server);
        await using var host = await DefaultsHost.StartAsync(ServerSettings());

        File.Copy(_renewed.Server.CertificatePath, CertificatePath, overwrite: true);
        var halfWritten = await PresentedServerCertificateAsync(host.Port);
        File.Copy(_renewed.Server.KeyPath, KeyPath, overwrite: true);
        var complete = await PresentedServerCertificateAsync(host.Port);

        Assert.Equal(_first.Server.Certificate.Thumbprint, halfWritten);
        Assert.Equal(_renewed.Server.Certificate.Thumbprint, complete);
    }

    [Fact]
    public async Task ClientCertificate_FilesReplaced_NextConnectionPresentsTheNewCertificate()
    {
        await using var host = await StartMutualTlsHostAsync(_first.CaPath);
        Mount(_first.Client("first"));
        using var channel = Channel(host.Port, _first.CaPath, CertificatePath, KeyPath);

        var before = await CallerSeenAsync(channel);
        Mount(_first.Client("second"));
        await Task.Delay(50);
        var after = await CallerSeenAsync(channel);

        Assert.Equal("first", before);
        Assert.Equal("second", after);
    }

    [Fact]
    public async Task ClientCaBundle_NewCaAdded_ClientOfTheNewCaAcceptedWithoutARestart()
    {
        MountBundle(_first);
        await using var host = await StartMutualTlsHostAsync(CaBundlePath);
        // A client of the new CA, checking the server against the old one.
        using var channel = Channel(host.Port, _first.CaPath, _renewed.Client("third").CertificatePath, _renewed.Client("third").KeyPath);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new EntityService.EntityServiceClient(channel).GetEntityAsync(new GetEntityRequest { Name = "entities/e" }).ResponseAsync);
        MountBundle(_first, _renewed);
        var accepted = await CallerSeenAsync(channel);

        // Refused at the handshake, never answered: under TLS 1.3 the client learns of the rejection
        // either while connecting (INTERNAL) or on its first read (UNAVAILABLE), as timing falls.
        Assert.True(refused.StatusCode is StatusCode.Unavailable or StatusCode.Internal, $"{refused.StatusCode}: {refused.Status.Detail}");
        Assert.Equal("third", accepted);
    }

    [Fact]
    public async Task ServerCaBundle_NewCaMounted_ServerOfTheNewCaTrustedWithoutARestart()
    {
        await using var host = await DefaultsHost.StartAsync(new Dictionary<string, string?>
        {
            ["Service:Tls:CertificatePath"] = _renewed.Server.CertificatePath,
            ["Service:Tls:KeyPath"] = _renewed.Server.KeyPath,
        });
        MountBundle(_first);
        using var channel = Channel(host.Port, CaBundlePath, certificatePath: null, keyPath: null);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);
        MountBundle(_first, _renewed);
        var answer = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        // The client's own verdict, which Grpc.Net.Client reports as INTERNAL.
        Assert.Contains("remote certificate was rejected", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
    }

    public void Dispose()
    {
        _first.Dispose();
        _renewed.Dispose();
        _mounted.Delete(recursive: true);
    }

    private Dictionary<string, string?> ServerSettings() => new()
    {
        ["Service:Tls:CertificatePath"] = CertificatePath,
        ["Service:Tls:KeyPath"] = KeyPath,
        ["Service:Tls:ReloadInterval"] = "00:00:00",
    };

    /// <summary>Writes a certificate and key where the settings point, as a Secret update would.</summary>
    private void Mount(IssuedCertificate issued)
    {
        File.Copy(issued.CertificatePath, CertificatePath, overwrite: true);
        File.Copy(issued.KeyPath, KeyPath, overwrite: true);
    }

    /// <summary>Writes a CA bundle holding each PKI's CA, as a Secret update would.</summary>
    private void MountBundle(params TestPki[] pkis) =>
        File.WriteAllText(CaBundlePath, string.Join('\n', pkis.Select(p => File.ReadAllText(p.CaPath).Trim())) + "\n");

    /// <summary>
    /// The server of <see cref="_first"/>, asking for a client certificate signed by the CA(s) in
    /// <paramref name="clientCaPath"/> (checked at every handshake). The caller's certificate name comes
    /// back in the PERMISSION_DENIED details: what the server saw.
    /// </summary>
    private Task<DefaultsHost> StartMutualTlsHostAsync(string clientCaPath)
    {
        var script = new ScriptedServices();
        return DefaultsHost.StartAsync(new Dictionary<string, string?>
        {
            ["Service:Tls:CertificatePath"] = _first.Server.CertificatePath,
            ["Service:Tls:KeyPath"] = _first.Server.KeyPath,
            ["Service:Tls:ClientCaPath"] = clientCaPath,
            ["Service:Tls:RequireClientCertificate"] = "true",
            ["Service:Tls:ReloadInterval"] = "00:00:00",
            ["Auth:Enabled"] = "true",
            ["Auth:AcceptClientCertificates"] = "true",
        }, b => ScriptedServices.Add(b, script), ScriptedServices.Map);
    }

    /// <summary>
    /// A channel configured as a service's client, whose every call opens a new connection (an HTTP/2
    /// connection is otherwise kept), so each handshake reads the files again.
    /// </summary>
    private static GrpcChannel Channel(int port, string caPath, string? certificatePath, string? keyPath)
    {
        var address = new Uri($"https://localhost:{port}");
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMilliseconds(1) };
        ClientTransport.Configure(handler, address, new ClientTlsOptions
        {
            CaPath = caPath,
            CertificatePath = certificatePath,
            KeyPath = keyPath,
            ReloadInterval = TimeSpan.Zero,
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private static async Task<string> PresentedServerCertificateAsync(int port)
    {
        string? thumbprint = null;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            thumbprint = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()).Thumbprint;
            return true;
        };
        using var channel = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        return thumbprint ?? throw new InvalidOperationException("No certificate was presented.");
    }

    private static async Task<string> CallerSeenAsync(GrpcChannel channel)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new EntityService.EntityServiceClient(channel).GetEntityAsync(new GetEntityRequest { Name = "entities/e" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Metadata["caller"];
    }
}
