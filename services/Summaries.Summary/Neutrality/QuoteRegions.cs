namespace Summaries.Summary.Neutrality;

/// <summary>
/// Finds the parts of a text that are inside quotation marks. Words there are a speaker's own
/// and are kept verbatim; everything else is the writer's voice and must be neutral.
/// </summary>
public static class QuoteRegions
{
    /// <summary>Character ranges [start, end) inside double quotation marks, marks included.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string text)
    {
        var regions = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '“' && open < 0)
            {
                open = i;
            }
            else if (c == '”' && open >= 0)
            {
                regions.Add((open, i + 1));
                open = -1;
            }
            else if (c == '"')
            {
                if (open < 0)
                {
                    open = i;
                }
                else
                {
                    regions.Add((open, i + 1));
                    open = -1;
                }
            }
        }

        // An unclosed quote runs to the end: a quote may continue into the next sentence.
        if (open >= 0)
        {
            regions.Add((open, text.Length));
        }

        return regions;
    }

    /// <summary>True when the range [start, end) lies inside any of the regions.</summary>
    public static bool IsInside(IReadOnlyList<(int Start, int End)> regions, int start, int end) =>
        regions.Any(r => start >= r.Start && end <= r.End);

    /// <summary>The quoted strings of a text, without their marks.</summary>
    public static IEnumerable<string> QuotedStrings(string text) =>
        Find(text).Select(r => text[(r.Start + 1)..r.End].TrimEnd('”', '"').Trim())
            .Where(s => s.Length > 0);
}
