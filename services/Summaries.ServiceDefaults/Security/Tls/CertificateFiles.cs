using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>Loads certificates, keys and CA bundles from files, and says clearly what is wrong with them.</summary>
public static class CertificateFiles
{
    /// <summary>
    /// A certificate with its private key: PEM certificate + PEM key, or a PKCS#12 file
    /// (.pfx/.p12) holding both.
    /// </summary>
    public static X509Certificate2 LoadWithKey(string certificatePath, string? keyPath, string? password = null)
    {
        if (IsPkcs12(certificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, password);
        }

        if (string.IsNullOrWhiteSpace(keyPath))
        {
            throw new InvalidOperationException($"{certificatePath} is a PEM certificate: its private key file must be given too.");
        }

        var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        // SChannel cannot use the ephemeral key a PEM load gives; a PKCS#12 round trip persists it.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }

    /// <summary>Every certificate of a PEM bundle (one CA, or a root and its intermediates).</summary>
    public static X509Certificate2Collection LoadAuthorities(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        if (collection.Count == 0)
        {
            throw new InvalidOperationException($"{path} holds no PEM certificate.");
        }

        return collection;
    }

    /// <summary>What is wrong with a certificate + key setting; empty when it loads.</summary>
    public static IEnumerable<string> Check(string certificateSetting, string certificatePath, string keySetting, string? keyPath, string? password)
    {
        if (!File.Exists(certificatePath))
        {
            return [$"{certificateSetting}: file '{certificatePath}' does not exist."];
        }

        if (!IsPkcs12(certificatePath))
        {
            if (string.IsNullOrWhiteSpace(keyPath))
            {
                return [$"{keySetting} is required with a PEM certificate ({certificateSetting} is not a .pfx/.p12 file)."];
            }

            if (!File.Exists(keyPath))
            {
                return [$"{keySetting}: file '{keyPath}' does not exist."];
            }
        }

        try
        {
            using var certificate = LoadWithKey(certificatePath, keyPath, password);
            return certificate.HasPrivateKey ? [] : [$"{certificateSetting}: '{certificatePath}' carries no private key."];
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or InvalidOperationException)
        {
            // The exception names the problem (bad PEM, key mismatch, wrong password), never the password.
            return [$"{certificateSetting}: could not load '{certificatePath}' with its key: {ex.Message}"];
        }
    }

    /// <summary>What is wrong with a CA bundle setting; empty when it loads.</summary>
    public static IEnumerable<string> CheckAuthorities(string setting, string path)
    {
        if (!File.Exists(path))
        {
            return [$"{setting}: file '{path}' does not exist."];
        }

        try
        {
            LoadAuthorities(path);
            return [];
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException)
        {
            return [$"{setting}: could not read '{path}' as PEM certificates: {ex.Message}"];
        }
    }

    private static bool IsPkcs12(string path) =>
        path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
}
