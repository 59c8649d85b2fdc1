using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Summaries.Testing.Security;

/// <summary>
/// gRPC channels as an outside client builds them: TLS trusting a given CA (and nothing else), an
/// optional client certificate, an optional API key header. Written apart from the services' own
/// client code so the tests do not check that code against itself.
/// </summary>
public static class TestChannels
{
    /// <param name="address">http://… (h2c) or https://….</param>
    /// <param name="trustedCa">The CA the server's certificate must chain to; null keeps the system roots.</param>
    /// <param name="clientCertificate">Presented for mutual TLS when set.</param>
    /// <param name="headers">Sent on every call, e.g. ("x-api-key", key) or ("authorization", "Bearer " + key).</param>
    public static GrpcChannel Create(
        string address,
        X509Certificate2? trustedCa = null,
        X509Certificate2? clientCertificate = null,
        params (string Name, string Value)[] headers)
    {
        var sockets = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (trustedCa is not null)
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && ChainsTo(certificate, trustedCa)
                && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
        }

        if (clientCertificate is not null)
        {
            sockets.SslOptions.ClientCertificates = [clientCertificate];
        }

        HttpMessageHandler handler = headers.Length == 0 ? sockets : new HeaderHandler(headers) { InnerHandler = sockets };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2 ca)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        return chain.Build(leaf);
    }

    private sealed class HeaderHandler((string Name, string Value)[] headers) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
