using System.Text.RegularExpressions;

namespace Summaries.Language.Resolution;

/// <summary>
/// Scores how central each entity is, in 0..1: how often it is mentioned (log-scaled against the
/// most mentioned), how early it first appears, whether the title names it, and how many quotes it
/// speaks (against the most quoted). Entities come back most salient first.
/// </summary>
internal static partial class SalienceScorer
{
    private const double MentionWeight = 0.40;
    private const double PositionWeight = 0.20;
    private const double TitleWeight = 0.15;
    private const double QuoteWeight = 0.25;

    public static IReadOnlyList<EntityInfo> Score(ResolvedEntities resolved, IReadOnlyList<QuoteInfo> quotes, string? title, int textLength)
    {
        var quoteCounts = quotes.Where(q => q.SpeakerKey is not null)
            .GroupBy(q => q.SpeakerKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var maxMentions = resolved.Entities.Select(e => e.Mentions.Count).DefaultIfEmpty(1).Max();
        var maxQuotes = quoteCounts.Values.DefaultIfEmpty(0).Max();
        var titleWords = title is null ? [] : WordPattern().Matches(title).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        return resolved.Entities
            .Select((entity, order) =>
            {
                var mentions = Math.Log(1 + entity.Mentions.Count) / Math.Log(1 + Math.Max(1, maxMentions));
                var position = 1.0 - ((double)entity.Mentions[0].Info.Start / Math.Max(1, textLength));
                var inTitle = InTitle(entity, title, titleWords) ? 1.0 : 0.0;
                var quoted = maxQuotes == 0 ? 0.0 : (double)quoteCounts.GetValueOrDefault(entity.Key) / maxQuotes;
                var salience = (MentionWeight * mentions) + (PositionWeight * position) + (TitleWeight * inTitle) + (QuoteWeight * quoted);
                var info = new EntityInfo(entity.Key, entity.DisplayName, entity.Kind, entity.Aliases, entity.Roles,
                    entity.Mentions.Count, Math.Round(Math.Clamp(salience, 0.0, 1.0), 4));
                return (Info: info, Order: order);
            })
            .OrderByDescending(x => x.Info.Salience)
            .ThenBy(x => x.Order)
            .Select(x => x.Info)
            .ToList();
    }

    /// <summary>The title names the entity: any of its written names, or for a person any of their name words.</summary>
    private static bool InTitle(ResolvedEntity entity, string? title, HashSet<string> titleWords)
    {
        if (title is null)
        {
            return false;
        }

        var names = entity.Aliases.Prepend(entity.DisplayName);
        if (entity.Kind == EntityKind.Person)
        {
            return names.SelectMany(n => WordPattern().Matches(n).Select(m => m.Value))
                .Any(w => w.Length > 1 && char.IsUpper(w[0]) && titleWords.Contains(w));
        }

        return names.Any(n => ContainsWholeWords(title, n));
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="title"/> with no letter or digit touching either end.</summary>
    private static bool ContainsWholeWords(string title, string phrase)
    {
        for (var at = title.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = title.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(title[at - 1])) && (end == title.Length || !char.IsLetterOrDigit(title[end])))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}][\p{L}\p{Nd}\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
