namespace Summaries.Ingestion.Cleaning;

/// <summary>
/// A run of the cleaned text and the run of the original it was made from (UTF-16 offsets). Equal
/// lengths mean the runs correspond character by character.
/// </summary>
public readonly record struct TextSegment(int CleanedStart, int OriginalStart, int CleanedLength, int OriginalLength)
{
    public int CleanedEnd => CleanedStart + CleanedLength;

    public int OriginalEnd => OriginalStart + OriginalLength;
}

/// <summary>The cleaned body and how it maps back onto the body the client sent.</summary>
public sealed record CleanedText(string Text, SegmentList Segments)
{
    public static CleanedText Empty { get; } = new(string.Empty, SegmentList.Empty);

    /// <summary>
    /// The offset in the original of the character at <paramref name="cleanedOffset"/> (or of the end
    /// of the text when it equals the cleaned length): exact inside runs of equal length, the start of
    /// the original run otherwise.
    /// </summary>
    public int ToOriginal(int cleanedOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cleanedOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cleanedOffset, Text.Length);
        if (Segments.Count == 0)
        {
            return 0;
        }

        if (cleanedOffset == Text.Length)
        {
            return Segments[^1].OriginalEnd;
        }

        var segment = Find(cleanedOffset);
        return segment.CleanedLength == segment.OriginalLength
            ? segment.OriginalStart + (cleanedOffset - segment.CleanedStart)
            : segment.OriginalStart;
    }

    /// <summary>The original range a cleaned range [start, end) came from, widened to whole runs where lengths differ.</summary>
    public (int Start, int End) ToOriginalRange(int cleanedStart, int cleanedEnd)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cleanedStart, cleanedEnd);
        if (cleanedStart == cleanedEnd)
        {
            var at = ToOriginal(cleanedStart);
            return (at, at);
        }

        var start = ToOriginal(cleanedStart);
        var last = Find(cleanedEnd - 1);
        var end = last.CleanedLength == last.OriginalLength
            ? last.OriginalStart + (cleanedEnd - last.CleanedStart)
            : last.OriginalEnd;
        return (start, end);
    }

    private TextSegment Find(int cleanedOffset)
    {
        int lo = 0, hi = Segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Segments[mid].CleanedStart <= cleanedOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Segments[lo];
    }
}
