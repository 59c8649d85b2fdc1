using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Summaries.ServiceDefaults.Security.Tls;

/// <summary>
/// Something loaded from files that follows them: at most once per <c>checkEvery</c>, on use, the
/// files are hashed and, when they changed, loaded again; new TLS handshakes then use what they hold
/// now, without a restart. Polling rather than a file watcher: Kubernetes updates a mounted Secret by
/// swapping a symlink, which watchers see unreliably. Files that cannot be loaded (caught
/// half-written: a new certificate beside the old key, an empty bundle) keep the previous value
/// until the next check.
/// </summary>
public sealed class ReloadingFiles<T>
    where T : class
{
    private readonly string[] _paths;
    private readonly Func<T> _load;
    private readonly Func<T, string> _describe;
    private readonly TimeSpan _checkEvery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private T _current;
    private byte[] _fingerprint;
    private DateTimeOffset _checkedAt;

    internal ReloadingFiles(string[] paths, Func<T> load, Func<T, string> describe, TimeSpan checkEvery, TimeProvider time, ILogger logger)
    {
        _paths = paths;
        _load = load;
        _describe = describe;
        _checkEvery = checkEvery;
        _time = time;
        _logger = logger;
        _fingerprint = Fingerprint();
        _current = load();
        _checkedAt = time.GetUtcNow();
    }

    /// <summary>What the files hold now (as of the last check).</summary>
    public T Current
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

            var next = _load();
            // The previous value is not disposed: a handshake in flight may still be using it.
            _current = next;
            _fingerprint = fingerprint;
            ReloadingFilesLog.Reloaded(_logger, _paths[0], _describe(next));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or InvalidOperationException)
        {
            ReloadingFilesLog.ReloadFailed(_logger, _paths[0], ex.Message);
        }
    }

    private byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in _paths)
        {
            hash.AppendData(File.ReadAllBytes(path));
        }

        return hash.GetHashAndReset();
    }
}

/// <summary>The TLS files that follow their Secret: certificates with their keys, and CA bundles.</summary>
public static class ReloadingFiles
{
    /// <summary>A certificate with its key (PEM pair or PKCS#12).</summary>
    public static ReloadingFiles<X509Certificate2> Certificate(string certificatePath, string? keyPath, string? password, TimeSpan checkEvery, TimeProvider time, ILogger logger) =>
        new(
            string.IsNullOrWhiteSpace(keyPath) ? [certificatePath] : [certificatePath, keyPath],
            () => CertificateFiles.LoadWithKey(certificatePath, keyPath, password),
            c => $"{c.Subject}, thumbprint {c.Thumbprint}, valid until {c.NotAfter.ToUniversalTime():u}",
            checkEvery, time, logger);

    /// <summary>
    /// A PEM bundle of certificate authorities: a CA rotation adds the new CA to the bundle, then, once
    /// every certificate is reissued, drops the old one, and each step takes effect without a restart.
    /// </summary>
    public static ReloadingFiles<CertificateAuthorities> Authorities(string pemPath, TimeSpan checkEvery, TimeProvider time, ILogger logger) =>
        new([pemPath], () => CertificateAuthorities.Load(pemPath), a => a.Describe(), checkEvery, time, logger);
}

internal static partial class ReloadingFilesLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Path} reloaded: {Description}")]
    public static partial void Reloaded(ILogger logger, string path, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} changed but could not be loaded; the previous contents stay in use: {Problem}")]
    public static partial void ReloadFailed(ILogger logger, string path, string problem);
}
