using System.Globalization;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Watching;

/// <summary>Watch cursors are an article's sequence as a decimal string.</summary>
public static class WatchCursor
{
    public static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null for an empty cursor ("only new articles"); throws a field violation on <c>cursor</c> for anything else that is not a sequence.</summary>
    public static long? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new ValidationException("cursor", "must be a cursor from an earlier WatchArticlesResponse, or \"0\"");
    }
}
