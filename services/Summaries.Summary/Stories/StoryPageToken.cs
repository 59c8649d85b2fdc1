using System.Globalization;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Summary.Stories;

/// <summary>
/// Where the next page of stories starts, and the moment the first page was asked for: later pages
/// group the articles stored up to then, so new articles do not shift stories between pages. The
/// token is the shared page token (<see cref="PageTokens"/>), bound to the filter and time range.
/// </summary>
public sealed record StoryPageToken(int Offset, DateTimeOffset AsOf)
{
    // 9999-12-31T23:59:59.999Z, the last time DateTimeOffset can hold: a forged token may say anything.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    public string Encode(PageBinding binding) => PageTokens.EncodeCursor(binding, Offset, AsOf.ToUnixTimeMilliseconds());

    /// <summary>The token's position; null for an empty token. A field violation when forged or made for another query.</summary>
    public static StoryPageToken? Decode(string? token, PageBinding binding, string field = "page_token")
    {
        if (PageTokens.DecodeCursor(token, binding, 2, field) is not { } cursor)
        {
            return null;
        }

        return cursor[0] <= int.MaxValue && cursor[1] <= MaxUnixMilliseconds
            ? new StoryPageToken((int)cursor[0], DateTimeOffset.FromUnixTimeMilliseconds(cursor[1]))
            : throw new ValidationException(field, "is not a page token returned by this service");
    }

    /// <summary>The request fields a token is tied to: every one but page_size and page_token.</summary>
    public static PageBinding Binding(string? filter, DateTimeOffset? from, DateTimeOffset? until) =>
        PageBinding.Of(("filter", filter), ("start_time", Millis(from)), ("end_time", Millis(until)));

    private static string? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
