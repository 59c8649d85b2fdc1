using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Summary.Stories;

/// <summary>
/// Where the next page of stories starts, and the moment the first page was asked for: later pages
/// group the articles stored up to then, so new articles do not shift stories between pages. The
/// token also carries a digest of the query, as a token is only good for the query that made it.
/// </summary>
public sealed record StoryPageToken(int Offset, DateTimeOffset AsOf, string Query)
{
    private const string Prefix = "s1";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(':',
        Prefix, Offset.ToString(CultureInfo.InvariantCulture), AsOf.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), Query)));

    /// <summary>The token's position; null for an empty token. A field violation when forged or made for another query.</summary>
    public static StoryPageToken? Decode(string? token, string query, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(':');
        }
        catch (FormatException)
        {
            throw new ValidationException(field, "is not a page token returned by this service");
        }

        if (parts.Length != 4 || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var asOf)
            || asOf > MaxUnixMilliseconds)
        {
            throw new ValidationException(field, "is not a page token returned by this service");
        }

        return parts[3] == query
            ? new StoryPageToken(offset, DateTimeOffset.FromUnixTimeMilliseconds(asOf), query)
            : throw new ValidationException(field, "was returned for a different filter or time range");
    }

    // 9999-12-31T23:59:59.999Z, the last time DateTimeOffset can hold: a forged token may say anything.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>A short digest of the query fields a token is tied to.</summary>
    public static string QueryDigest(string filter, DateTimeOffset? from, DateTimeOffset? until) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{filter.Trim()}\n{from?.ToUnixTimeMilliseconds()}\n{until?.ToUnixTimeMilliseconds()}")))[..16];
}
