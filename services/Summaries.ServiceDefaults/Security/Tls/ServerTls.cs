using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>Puts TLS (and, when configured, client-certificate checks) on a Kestrel endpoint.</summary>
public static class ServerTls
{
    public static void Apply(ListenOptions listen, ServerTlsOptions options, TimeProvider time, ILogger logger)
    {
        // HTTP/2 only. Cleartext: without TLS there is no ALPN to negotiate it, so clients use prior
        // knowledge (h2c). TLS: ALPN offers h2 alone; gRPC needs nothing else.
        listen.Protocols = HttpProtocols.Http2;
        if (!options.IsEnabled)
        {
            return;
        }

        // Asked on every handshake: a renewed certificate is served once the files change.
        var certificate = Load(options, time, logger);
        var https = new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => certificate.Current,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocation = false,
        };

        if (!string.IsNullOrWhiteSpace(options.ClientCaPath))
        {
            // Also asked on every handshake: a CA rotation reaches the bundle without a restart.
            var authorities = ReloadingFiles.Authorities(options.ClientCaPath, options.ReloadInterval, time, logger);
            https.ClientCertificateMode = options.RequireClientCertificate
                ? ClientCertificateMode.RequireCertificate
                : ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, chain, _) => authorities.Current.Trusts(certificate, chain);
        }

        listen.UseHttps(https);
    }

    private static ReloadingFiles<System.Security.Cryptography.X509Certificates.X509Certificate2> Load(ServerTlsOptions options, TimeProvider time, ILogger logger)
    {
        try
        {
            return ReloadingFiles.Certificate(options.CertificatePath!, options.KeyPath, options.CertificatePassword, options.ReloadInterval, time, logger);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{ServerTlsOptions.SectionName}: could not load the certificate '{options.CertificatePath}': {ex.Message}", ex);
        }
    }
}
