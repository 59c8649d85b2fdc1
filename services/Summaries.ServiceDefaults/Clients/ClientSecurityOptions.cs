using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Security.Tls;

namespace Summaries.ServiceDefaults.Clients;

/// <summary>
/// How this service authenticates to the others and checks them. Section <c>Clients</c> (next to
/// the addresses). Applies to every client made by <see cref="GrpcClientExtensions.AddSummariesGrpcClient"/>.
/// </summary>
public sealed class ClientSecurityOptions : IValidatableObject
{
    public const string SectionName = "Clients";

    /// <summary>Sent as <c>x-api-key</c> on every call to another service (one of the callee's <c>Auth:Keys</c>). Default none. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>TLS towards the other services.</summary>
    public ClientTlsOptions Tls { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Empty means "no key"; only spaces is a mistake (a Secret mounted with a stray newline, say).
        if (!string.IsNullOrEmpty(ApiKey) && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"{SectionName}:ApiKey is only whitespace.", [nameof(ApiKey)]);
        }

        foreach (var problem in Tls.Problems())
        {
            yield return new ValidationResult(problem, [nameof(Tls)]);
        }
    }
}

/// <summary>
/// Section <c>Clients:Tls</c>. <c>https://</c> addresses always use TLS and <c>http://</c> never;
/// <c>dns:///</c> addresses carry no scheme, so <see cref="Enabled"/> decides for them.
/// </summary>
public sealed class ClientTlsOptions
{
    public const string SectionName = ClientSecurityOptions.SectionName + ":Tls";

    /// <summary>Whether <c>dns:///host:port</c> addresses connect with TLS. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>PEM bundle of the CA(s) that sign the services' certificates, trusted instead of the system roots. Default: system roots.</summary>
    public string? CaPath { get; set; }

    /// <summary>Client certificate for services that require one (mutual TLS): PEM with <see cref="KeyPath"/>, or .pfx/.p12.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PKCS#12 <see cref="CertificatePath"/>. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>How often <see cref="CertificatePath"/>, <see cref="KeyPath"/> and <see cref="CaPath"/> are checked for a change (at a new connection after the interval). Default 1 minute.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (ReloadInterval < TimeSpan.Zero || ReloadInterval > TimeSpan.FromHours(1))
        {
            yield return $"{SectionName}:ReloadInterval must be between 00:00:00 and 01:00:00.";
        }

        if (!string.IsNullOrWhiteSpace(CaPath))
        {
            foreach (var problem in CertificateFiles.CheckAuthorities($"{SectionName}:CaPath", CaPath))
            {
                yield return problem;
            }
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath))
        {
            foreach (var problem in CertificateFiles.Check($"{SectionName}:CertificatePath", CertificatePath, $"{SectionName}:KeyPath", KeyPath, CertificatePassword))
            {
                yield return problem;
            }
        }
        else if (!string.IsNullOrWhiteSpace(KeyPath))
        {
            yield return $"{SectionName}:KeyPath is set but {SectionName}:CertificatePath is not; set both or neither.";
        }
    }
}
