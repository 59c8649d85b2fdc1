using System.Collections;

namespace Summaries.Ingestion.Cleaning;

/// <summary>An immutable list of segments that compares by content, so records holding one keep value equality.</summary>
public sealed class SegmentList(IReadOnlyList<TextSegment> items) : IReadOnlyList<TextSegment>, IEquatable<SegmentList>
{
    private readonly TextSegment[] _items = [.. items];

    public static SegmentList Empty { get; } = new([]);

    public int Count => _items.Length;

    public TextSegment this[int index] => _items[index];

    public bool Equals(SegmentList? other) => other is not null && _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is SegmentList other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_items.Length, _items.Length > 0 ? _items[0] : default);

    public IEnumerator<TextSegment> GetEnumerator() => ((IEnumerable<TextSegment>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
