using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>
/// A certificate (with its key) that follows its files: at most once per <c>checkEvery</c>, on use,
/// the files are hashed and, when they changed, loaded again; new TLS handshakes then present the new
/// certificate, without a restart. Polling rather than a file watcher: Kubernetes updates a mounted
/// Secret by swapping a symlink, which watchers see unreliably. Files caught half-written (a new
/// certificate beside the old key) keep the previous certificate until the next check.
/// </summary>
public sealed partial class ReloadingCertificate
{
    private readonly string _certificatePath;
    private readonly string? _keyPath;
    private readonly string? _password;
    private readonly TimeSpan _checkEvery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private byte[] _fingerprint;
    private DateTimeOffset _checkedAt;

    public ReloadingCertificate(string certificatePath, string? keyPath, string? password, TimeSpan checkEvery, TimeProvider time, ILogger logger)
    {
        _certificatePath = certificatePath;
        _keyPath = keyPath;
        _password = password;
        _checkEvery = checkEvery;
        _time = time;
        _logger = logger;
        _fingerprint = Fingerprint();
        _current = CertificateFiles.LoadWithKey(certificatePath, keyPath, password);
        _checkedAt = time.GetUtcNow();
    }

    /// <summary>The certificate the files hold now (as of the last check).</summary>
    public X509Certificate2 Current
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (now - _checkedAt >= _checkEvery)
                {
                    _checkedAt = now;
                    Refresh();
                }

                return _current;
            }
        }
    }

    private void Refresh()
    {
        try
        {
            var fingerprint = Fingerprint();
            if (CryptographicOperations.FixedTimeEquals(fingerprint, _fingerprint))
            {
                return;
            }

            var next = CertificateFiles.LoadWithKey(_certificatePath, _keyPath, _password);
            // The previous certificate is not disposed: a handshake in flight may still be using it.
            _current = next;
            _fingerprint = fingerprint;
            LogReloaded(_logger, _certificatePath, next.Subject, next.Thumbprint, next.NotAfter.ToUniversalTime());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or InvalidOperationException)
        {
            LogReloadFailed(_logger, _certificatePath, ex.Message);
        }
    }

    private byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(_certificatePath));
        if (!string.IsNullOrWhiteSpace(_keyPath))
        {
            hash.AppendData(File.ReadAllBytes(_keyPath));
        }

        return hash.GetHashAndReset();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {Path} reloaded: {Subject}, thumbprint {Thumbprint}, valid until {NotAfter:u}")]
    private static partial void LogReloaded(ILogger logger, string path, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate {Path} changed but could not be loaded; the previous one stays in use: {Problem}")]
    private static partial void LogReloadFailed(ILogger logger, string path, string problem);
}
