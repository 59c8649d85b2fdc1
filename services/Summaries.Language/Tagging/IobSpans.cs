namespace Summaries.Language.Tagging;

/// <summary>
/// Reads entity spans from IOB tags the way conlleval does, so our scores match the shared task's:
/// a chunk starts at <c>B-X</c>, or at <c>I-X</c> after <c>O</c> or after a chunk of another type.
/// </summary>
public static class IobSpans
{
    public static List<EntitySpan> Decode(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<EntitySpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i < tags.Count; i++)
        {
            var (prefix, tagType) = Split(tags[i]);
            var continues = prefix == 'I' && type is not null && string.Equals(tagType, type, StringComparison.Ordinal);
            if (continues)
            {
                continue;
            }

            if (type is not null)
            {
                spans.Add(new EntitySpan(start, i, type));
                type = null;
            }

            if (prefix is 'B' or 'I')
            {
                start = i;
                type = tagType;
            }
        }

        if (type is not null)
        {
            spans.Add(new EntitySpan(start, tags.Count, type));
        }

        return spans;
    }

    /// <summary>IOB2 tags for spans over <paramref name="length"/> tokens; the inverse of <see cref="Decode"/>.</summary>
    public static string[] Encode(IReadOnlyList<EntitySpan> spans, int length)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var tags = new string[length];
        Array.Fill(tags, "O");
        foreach (var span in spans)
        {
            tags[span.Start] = "B-" + span.Type;
            for (var i = span.Start + 1; i < span.End; i++)
            {
                tags[i] = "I-" + span.Type;
            }
        }

        return tags;
    }

    private static (char Prefix, string? Type) Split(string tag)
    {
        // Anything that is not B-/I- (O, empty, malformed) ends a chunk, as in conlleval.
        if (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I')
        {
            return (tag[0], tag[2..]);
        }

        return ('O', null);
    }
}
