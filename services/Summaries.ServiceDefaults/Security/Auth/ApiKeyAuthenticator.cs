using System.Security.Cryptography;
using System.Text;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// Says which configured key, if any, a caller presented. Only SHA-256 digests are kept and compared,
/// in constant time and against every key, so neither the key's length nor which key nearly
/// matched shows in the response time.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private readonly (string Id, byte[] Digest)[] _keys;

    public ApiKeyAuthenticator(IEnumerable<ApiKeyOptions> keys)
    {
        _keys = keys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .Select(k => (k.Id.Trim(), Digest(k.Key.Trim())))
            .ToArray();
    }

    /// <summary>The id of the key <paramref name="presented"/> equals, or null.</summary>
    public string? Identify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var digest = Digest(presented);
        string? match = null;
        foreach (var (id, expected) in _keys)
        {
            // No early exit: every key is compared whatever matched before.
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                match ??= id;
            }
        }

        return match;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
