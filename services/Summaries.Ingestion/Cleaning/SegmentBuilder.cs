using System.Text;

namespace Summaries.Ingestion.Cleaning;

/// <summary>Builds the cleaned text while recording where each piece came from; adjacent 1:1 pieces merge into one segment.</summary>
internal sealed class SegmentBuilder(string original)
{
    private readonly StringBuilder _text = new(original.Length);
    private readonly List<TextSegment> _segments = [];

    public int Length => _text.Length;

    /// <summary>Copies original[start, start + length) unchanged.</summary>
    public void Copy(int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        _text.Append(original, start, length);
        Add(new TextSegment(_text.Length - length, start, length, length));
    }

    /// <summary>Writes <paramref name="replacement"/> in place of original[start, start + length).</summary>
    public void Replace(int start, int length, string replacement)
    {
        if (replacement.Length == 0)
        {
            return;
        }

        _text.Append(replacement);
        Add(new TextSegment(_text.Length - replacement.Length, start, replacement.Length, length));
    }

    public CleanedText Build() => new(_text.ToString(), new SegmentList(_segments.ToArray()));

    private void Add(TextSegment segment)
    {
        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            if (last.CleanedLength == last.OriginalLength && segment.CleanedLength == segment.OriginalLength
                && last.OriginalEnd == segment.OriginalStart)
            {
                _segments[^1] = last with { CleanedLength = last.CleanedLength + segment.CleanedLength, OriginalLength = last.OriginalLength + segment.OriginalLength };
                return;
            }
        }

        _segments.Add(segment);
    }
}
