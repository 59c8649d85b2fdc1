using System.Security.Cryptography;

namespace Summaries.Ingestion.Articles;

/// <summary>New article ids; the names they go into are <c>ResourceNames.Articles</c>.</summary>
public static class ArticleIds
{
    private const int IdLength = 12;

    // The base32 characters in ASCII order, so that ids compare (as text) in the order of their values.
    private const string SortedBase32 = "234567abcdefghijklmnopqrstuvwxyz";

    // 60 bits: milliseconds since 2020 (42 bits, until 2159), then 18 bits that start at a random value
    // in each millisecond and count up within it.
    private const int CounterBits = 18;
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lock Gate = new();
    private static long _last;

    /// <summary>
    /// 12 base32 characters (60 bits): short, URL-safe, lowercase, and increasing in creation order
    /// within a process (a clock that steps back does not undo that). Time-ordered ids go into the
    /// stores' id indexes (and duplicate-group keys, which are made from them) at the end, on a page that is
    /// already being written, instead of on a random page each; the time they reveal is the article's
    /// create_time, which is public anyway. Two processes may rarely draw the same id in the same
    /// millisecond: the stores then insert again with a new one.
    /// </summary>
    public static string NewId(DateTimeOffset now)
    {
        var milliseconds = Math.Max(0, (long)(now - Epoch).TotalMilliseconds);
        // Half the counter's range is left for ids after the first in a millisecond.
        var first = (milliseconds << CounterBits) | (uint)RandomNumberGenerator.GetInt32(1 << (CounterBits - 1));
        long value;
        lock (Gate)
        {
            value = first > _last ? first : _last + 1;
            _last = value;
        }

        Span<char> chars = stackalloc char[IdLength];
        for (var i = IdLength - 1; i >= 0; i--)
        {
            chars[i] = SortedBase32[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
