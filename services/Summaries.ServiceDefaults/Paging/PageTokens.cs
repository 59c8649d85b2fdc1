using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Paging;

/// <summary>
/// Opaque page tokens over a keyset position, bound to the request parameters that made them
/// (<see cref="PageBinding"/>), and page-size rules shared by every List method: 0 means the
/// default, negative is invalid, large values are capped.
/// </summary>
public static class PageTokens
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
    private const string Prefix = "p2";
    private const string Forged = "is not a page token returned by this service";

    public static string Encode(long position, PageBinding binding) => EncodeCursor(binding, position);

    /// <summary>The position in a token; null for an empty token. Throws a field violation for forged tokens or another request's.</summary>
    public static long? Decode(string? token, PageBinding binding, string field = "page_token") =>
        DecodeCursor(token, binding, 1, field) is { } cursor ? cursor[0] : null;

    /// <summary>A token over a cursor of several non-negative numbers (a position and the moment paging began, say).</summary>
    public static string EncodeCursor(PageBinding binding, params ReadOnlySpan<long> cursor)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var text = new StringBuilder(Prefix).Append(':').Append(binding.Digest);
        foreach (var value in cursor)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            text.Append(':').Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// The <paramref name="length"/> numbers in a token; null for an empty token. A field violation
    /// when the token is forged, or was returned for a request with other <see cref="PageBinding.Fields"/>.
    /// </summary>
    public static long[]? DecodeCursor(string? token, PageBinding binding, int length, string field = "page_token")
    {
        ArgumentNullException.ThrowIfNull(binding);
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
            throw new ValidationException(field, Forged);
        }

        if (parts.Length != length + 2 || parts[0] != Prefix)
        {
            throw new ValidationException(field, Forged);
        }

        var cursor = new long[length];
        for (var i = 0; i < length; i++)
        {
            if (!long.TryParse(parts[i + 2], NumberStyles.None, CultureInfo.InvariantCulture, out cursor[i]))
            {
                throw new ValidationException(field, Forged);
            }
        }

        return parts[1] == binding.Digest
            ? cursor
            : throw new ValidationException(field, $"was returned for a request with a different {binding.Fields}; keep them the same between pages, or start again without a page token");
    }

    public static int Size(int requested, string field = "page_size") => requested switch
    {
        < 0 => throw new ValidationException(field, "must not be negative"),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => requested,
    };
}
