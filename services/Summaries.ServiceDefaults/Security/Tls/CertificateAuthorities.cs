using System.Security.Cryptography.X509Certificates;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>
/// A private CA bundle that certificates are checked against instead of the system's roots: the
/// server's view of client certificates, a client's view of the services' certificates.
/// </summary>
public sealed class CertificateAuthorities(X509Certificate2Collection roots)
{
    public static CertificateAuthorities Load(string pemPath) => new(CertificateFiles.LoadAuthorities(pemPath));

    /// <summary>The bundle's subjects, for the log.</summary>
    public string Describe() => string.Join("; ", roots.Select(r => $"{r.Subject} (valid until {r.NotAfter.ToUniversalTime():u})"));

    /// <summary>Whether <paramref name="certificate"/> chains up to one of the bundle's certificates (no revocation check: private CAs rarely publish CRLs).</summary>
    public bool Trusts(X509Certificate2 certificate, X509Chain? presented = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (presented is not null)
        {
            // Intermediates the peer sent along with its certificate.
            foreach (var element in presented.ChainElements.Skip(1))
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
