using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Paging;

/// <summary>
/// Opaque page tokens over a keyset position, and page-size rules shared by every List method:
/// 0 means the default, negative is invalid, large values are capped.
/// </summary>
public static class PageTokens
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
    private const string Prefix = "p1:";

    public static string Encode(long position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + position.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position in a token; null for an empty token. Throws a field violation for forged tokens.</summary>
    public static long? Decode(string? token, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
            // Falls through to the validation error below.
        }

        throw new ValidationException(field, "is not a page token returned by this service");
    }

    public static int Size(int requested, string field = "page_size") => requested switch
    {
        < 0 => throw new ValidationException(field, "must not be negative"),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };
}
