using Summaries.Summary.Facts;
using Summaries.Summary.Text;

namespace Summaries.Summary.Verification;

/// <summary>
/// A party's claim stays the party's: a sentence that repeats, outside quotation marks, a run of
/// <see cref="RunLength"/> words that the sources give only as a party's words (quoted or reported)
/// must name that party (or be tagged with it). Words a source also says in its own narrator's voice,
/// or that an article's title uses, are free to use.
/// </summary>
public static class ClaimAttribution
{
    public const int RunLength = 4;

    /// <summary>The speaker whose words the text states as fact, or null when there is none.</summary>
    public static FactEntity? FindUnattributed(
        string outsideQuotes, string? speakerKey, IReadOnlyList<Fact> cited, FactSheet sheet, IEnumerable<string> freeText)
    {
        var runs = Words.Runs(outsideQuotes, RunLength).ToHashSet(StringComparer.Ordinal);
        if (runs.Count == 0)
        {
            return null;
        }

        HashSet<string>? free = null;
        foreach (var fact in cited)
        {
            foreach (var quote in sheet.QuotesIn(fact.Id))
            {
                if (quote.SpeakerKey == speakerKey)
                {
                    continue;
                }

                var borrowed = Words.Runs(quote.Text, RunLength).Where(runs.Contains).ToList();
                if (borrowed.Count == 0)
                {
                    continue;
                }

                free ??= FreeRuns(cited, sheet, freeText);
                if (borrowed.All(free.Contains))
                {
                    continue;
                }

                var speaker = sheet.FindEntity(quote.SpeakerKey);
                if (speaker is null || !Names(outsideQuotes, speaker))
                {
                    return speaker ?? new FactEntity(quote.SpeakerKey, quote.SpeakerText, default, [], [], 0);
                }
            }
        }

        return null;
    }

    /// <summary>True when the text names the entity by its display name or an alias.</summary>
    public static bool Names(string text, FactEntity entity) =>
        entity.Aliases.Append(entity.DisplayName).Any(a => a.Length > 1 && text.Contains(a, StringComparison.Ordinal));

    /// <summary>Runs the narrators say themselves: the cited facts with every party's words blanked out, and the free text.</summary>
    private static HashSet<string> FreeRuns(IReadOnlyList<Fact> cited, FactSheet sheet, IEnumerable<string> freeText)
    {
        var free = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in cited)
        {
            var chars = fact.Text.ToCharArray();
            foreach (var q in sheet.QuotesIn(fact.Id))
            {
                for (var i = Math.Max(0, q.Start); i < Math.Min(chars.Length, q.End); i++)
                {
                    chars[i] = '|';
                }
            }

            // Blanked words split the text, so no run spans a party's words.
            foreach (var part in new string(chars).Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                free.UnionWith(Words.Runs(part, RunLength));
            }
        }

        foreach (var text in freeText)
        {
            free.UnionWith(Words.Runs(text, RunLength));
        }

        return free;
    }
}
