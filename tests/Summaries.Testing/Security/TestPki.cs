using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Summaries.Testing.Security;

/// <summary>
/// A throwaway certificate authority for one test run: a CA, a server certificate for localhost /
/// 127.0.0.1 / ::1, and client certificates, all written as PEM files to a temporary folder the
/// services read them from. ECDSA P-256 keys; certificates valid for a day (the CA for two).
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly ECDsa _caKey;
    private readonly Dictionary<string, IssuedCertificate> _clients = new(StringComparer.Ordinal);

    private TestPki(string directory, ECDsa caKey, X509Certificate2 ca)
    {
        Directory = directory;
        _caKey = caKey;
        Ca = ca;
        CaPath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(CaPath, ca.ExportCertificatePem());
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    public string CaPath { get; }

    /// <summary>A CA of its own, a server certificate, and one client certificate per name in <paramref name="clients"/>.</summary>
    public static TestPki Create(params string[] clients)
    {
        var directory = Path.Combine(Path.GetTempPath(), "summaries-pki-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Summaries Test CA", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = request.CreateSelfSigned(now.AddMinutes(-10), now.AddDays(2));
        var pki = new TestPki(directory, caKey, ca);
        pki.Server = pki.Issue("server", "localhost", serverAuth: true);
        foreach (var client in clients)
        {
            pki._clients[client] = pki.Issue("client-" + client, client, serverAuth: false);
        }

        return pki;
    }

    public IssuedCertificate Server { get; private set; } = null!;

    public IssuedCertificate Client(string name) => _clients[name];

    private IssuedCertificate Issue(string fileName, string commonName, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usage = serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2";
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        // Names its CA's key, as real CAs do: every test CA has the same name, like a CA renewed in place.
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Ca, now.AddMinutes(-5), now.AddDays(1), serial);
        var withKey = issued.CopyWithPrivateKey(key);
        var certificatePath = Path.Combine(Directory, fileName + ".pem");
        var keyPath = Path.Combine(Directory, fileName + ".key");
        File.WriteAllText(certificatePath, withKey.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new IssuedCertificate(withKey, certificatePath, keyPath);
    }

    public void Dispose()
    {
        _caKey.Dispose();
        Ca.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>A certificate with its private key, and where its PEM files are.</summary>
public sealed record IssuedCertificate(X509Certificate2 Certificate, string CertificatePath, string KeyPath);
