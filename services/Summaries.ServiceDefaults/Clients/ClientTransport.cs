using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Summaries.ServiceDefaults.Security.Tls;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>
/// TLS settings of the handler under a Summaries gRPC client: the private CA the services'
/// certificates are checked against, the client certificate for mutual TLS, and the name checked.
/// </summary>
public static class ClientTransport
{
    /// <summary>Whether calls to <paramref name="address"/> use TLS.</summary>
    public static bool UsesTls(Uri address, ClientTlsOptions tls) =>
        address.Scheme == Uri.UriSchemeHttps || (GrpcAddress.UsesResolver(address) && tls.Enabled);

    /// <summary>
    /// The name the server's certificate must carry: the address's host; for <c>dns:///name:port</c> the
    /// name, not the pod IP each subchannel connects to (so one certificate for the Service name serves
    /// every replica).
    /// </summary>
    public static string ExpectedHost(Uri address)
    {
        if (!GrpcAddress.UsesResolver(address))
        {
            return address.IdnHost;
        }

        return new Uri("https://" + GrpcAddress.Targets(address)[0]).IdnHost;
    }

    public static void Configure(SocketsHttpHandler handler, Uri address, ClientTlsOptions tls, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(tls);
        if (!UsesTls(address, tls))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(tls.CertificatePath))
        {
            // Chosen at each new connection's handshake, so a renewed client certificate is presented
            // without a restart (connections already open keep theirs until they close).
            var certificate = ReloadingFiles.Certificate(tls.CertificatePath, tls.KeyPath, tls.CertificatePassword,
                tls.ReloadInterval, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate.Current;
        }

        // The bundle too follows its file, checked at each new connection's handshake.
        var authorities = string.IsNullOrWhiteSpace(tls.CaPath)
            ? null
            : ReloadingFiles.Authorities(tls.CaPath, tls.ReloadInterval, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        var expectedHost = ExpectedHost(address);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            IsValid(certificate, chain, errors, authorities?.Current, expectedHost);
    }

    /// <summary>
    /// The chain is checked against the private CA (or, without one, the system's verdict), and the
    /// name against <paramref name="expectedHost"/> rather than the address actually dialled.
    /// </summary>
    public static bool IsValid(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, CertificateAuthorities? authorities, string expectedHost)
    {
        if (certificate is null)
        {
            return false;
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var chainTrusted = authorities is null
            ? (errors & (SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
            : authorities.Trusts(presented, chain);
        return chainTrusted && presented.MatchesHostname(expectedHost);
    }
}
