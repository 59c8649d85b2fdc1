using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>
/// TLS for the service's own port. Section <c>Service:Tls</c>. Off (cleartext h2c) unless
/// <see cref="CertificatePath"/> is set; then the port serves HTTP/2 over TLS only (ALPN h2).
/// The certificate files and the client CA bundle are checked every <see cref="ReloadInterval"/>; a
/// renewed certificate or a changed bundle is used from the next handshake on, without a restart.
/// </summary>
public sealed class ServerTlsOptions : IValidatableObject
{
    public const string SectionName = "Service:Tls";

    /// <summary>The server certificate: a PEM file (with <see cref="KeyPath"/>) or a PKCS#12 file (.pfx/.p12, with <see cref="CertificatePassword"/> if it has one).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificatePath"/> (PKCS#8 or PKCS#1, unencrypted).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PKCS#12 <see cref="CertificatePath"/>. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// PEM file of the certificate authorities whose client certificates are accepted (mutual TLS).
    /// Unset: clients are not asked for a certificate.
    /// </summary>
    public string? ClientCaPath { get; set; }

    /// <summary>Whether a client must present a certificate signed by <see cref="ClientCaPath"/>. Default false (one is checked if presented).</summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>
    /// How often the certificate, key and client CA files are checked for a change (on the next
    /// handshake after the interval). Default 1 minute: the kubelet updates a mounted Secret within about as long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(CertificatePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsEnabled)
        {
            foreach (var (name, value) in new[] { (nameof(KeyPath), KeyPath), (nameof(ClientCaPath), ClientCaPath) })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    yield return new ValidationResult($"{SectionName}:{name} is set but {SectionName}:CertificatePath is not; set both or neither.", [name]);
                }
            }

            if (RequireClientCertificate)
            {
                yield return new ValidationResult($"{SectionName}:RequireClientCertificate needs TLS: set {SectionName}:CertificatePath.", [nameof(RequireClientCertificate)]);
            }

            yield break;
        }

        foreach (var problem in CertificateFiles.Check($"{SectionName}:CertificatePath", CertificatePath!, $"{SectionName}:KeyPath", KeyPath, CertificatePassword))
        {
            yield return new ValidationResult(problem, [nameof(CertificatePath)]);
        }

        if (!string.IsNullOrWhiteSpace(ClientCaPath))
        {
            foreach (var problem in CertificateFiles.CheckAuthorities($"{SectionName}:ClientCaPath", ClientCaPath))
            {
                yield return new ValidationResult(problem, [nameof(ClientCaPath)]);
            }
        }
        else if (RequireClientCertificate)
        {
            yield return new ValidationResult(
                $"{SectionName}:RequireClientCertificate needs {SectionName}:ClientCaPath, the CA that signs client certificates.",
                [nameof(RequireClientCertificate)]);
        }
    }
}
