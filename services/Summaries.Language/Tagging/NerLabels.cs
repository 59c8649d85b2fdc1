namespace Summaries.Language.Tagging;

/// <summary>
/// The model's BILOU labels. Entity labels are <c>type * 4 + position</c> (B, I, L, U) so the 16 of
/// them fill one 256-bit vector of 16-bit weights; <see cref="Outside"/> comes last and, in the
/// shipped weights, scores zero (its weights are subtracted from every other label, which leaves
/// every decision unchanged). BILOU rather than IOB because the last word of a name is as telling
/// as its first ("Ltd", "Party", "River").
/// </summary>
internal static class NerLabels
{
    public const int TypeCount = 4;
    public const int EntityLabels = TypeCount * 4;
    public const int Outside = EntityLabels;
    public const int Count = EntityLabels + 1;

    /// <summary>The row of the transition table that stands for "before the first token".</summary>
    public const int Start = Count;

    public const int Begin = 0;
    public const int Inside = 1;
    public const int Last = 2;
    public const int Unit = 3;

    /// <summary>CoNLL type names in the order of <see cref="EntityKind"/>: Person, Organization, Location, Misc.</summary>
    public static readonly IReadOnlyList<string> TypeNames = ["PER", "ORG", "LOC", "MISC"];

    public static int Label(int type, int position) => (type * 4) + position;

    public static int TypeOf(int label) => label >> 2;

    public static int PositionOf(int label) => label & 3;

    public static int TypeIndex(string type)
    {
        for (var t = 0; t < TypeCount; t++)
        {
            if (string.Equals(TypeNames[t], type, StringComparison.Ordinal))
            {
                return t;
            }
        }

        throw new ArgumentException($"Unknown entity type '{type}'; expected one of {string.Join(", ", TypeNames)}.", nameof(type));
    }

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (or <see cref="Start"/>).</summary>
    public static bool CanFollow(int previous, int next)
    {
        var open = previous < Outside && PositionOf(previous) is Begin or Inside;
        if (open)
        {
            return next < Outside && TypeOf(next) == TypeOf(previous) && PositionOf(next) is Inside or Last;
        }

        return next == Outside || PositionOf(next) is Begin or Unit;
    }

    /// <summary>Whether a sentence may end on <paramref name="label"/>.</summary>
    public static bool CanEnd(int label) => label == Outside || PositionOf(label) is Last or Unit;

    /// <summary>BILOU labels for IOB2 tags (any IOB input is read through <see cref="IobSpans.Decode"/>).</summary>
    public static void FromIob(IReadOnlyList<string> tags, Span<int> labels)
    {
        labels[..tags.Count].Fill(Outside);
        foreach (var span in IobSpans.Decode(tags))
        {
            var type = TypeIndex(span.Type);
            if (span.End - span.Start == 1)
            {
                labels[span.Start] = Label(type, Unit);
                continue;
            }

            labels[span.Start] = Label(type, Begin);
            for (var i = span.Start + 1; i < span.End - 1; i++)
            {
                labels[i] = Label(type, Inside);
            }

            labels[span.End - 1] = Label(type, Last);
        }
    }

    /// <summary>Entity spans of a valid BILOU sequence; a stray label (never produced by the decoder) closes what is open.</summary>
    public static List<EntitySpan> Spans(ReadOnlySpan<int> labels)
    {
        var spans = new List<EntitySpan>();
        var start = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == Outside)
            {
                start = -1;
                continue;
            }

            var position = PositionOf(label);
            if (position is Begin or Unit || start < 0 || TypeOf(labels[start]) != TypeOf(label))
            {
                start = i;
            }

            if (position is Last or Unit)
            {
                spans.Add(new EntitySpan(start, i + 1, TypeNames[TypeOf(label)]));
                start = -1;
            }
        }

        return spans;
    }

    public static string[] ToIob(ReadOnlySpan<int> labels) => IobSpans.Encode(Spans(labels), labels.Length);
}
