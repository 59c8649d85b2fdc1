using System.Security.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>Puts TLS (and, when configured, client-certificate checks) on a Kestrel endpoint.</summary>
public static class ServerTls
{
    public static void Apply(ListenOptions listen, ServerTlsOptions options)
    {
        // HTTP/2 only. Cleartext: without TLS there is no ALPN to negotiate it, so clients use prior
        // knowledge (h2c). TLS: ALPN offers h2 alone; gRPC needs nothing else.
        listen.Protocols = HttpProtocols.Http2;
        if (!options.IsEnabled)
        {
            return;
        }

        var https = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = Load(options),
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocation = false,
        };

        if (!string.IsNullOrWhiteSpace(options.ClientCaPath))
        {
            var authorities = CertificateAuthorities.Load(options.ClientCaPath);
            https.ClientCertificateMode = options.RequireClientCertificate
                ? ClientCertificateMode.RequireCertificate
                : ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, chain, _) => authorities.Trusts(certificate, chain);
        }

        listen.UseHttps(https);
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Load(ServerTlsOptions options)
    {
        try
        {
            return CertificateFiles.LoadWithKey(options.CertificatePath!, options.KeyPath, options.CertificatePassword);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{ServerTlsOptions.SectionName}: could not load the certificate '{options.CertificatePath}': {ex.Message}", ex);
        }
    }
}
