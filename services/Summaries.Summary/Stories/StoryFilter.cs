using System.Globalization;
using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Summary.Stories;

/// <summary>
/// ListStories' filter: clauses joined with AND, <c>entity = "entities/abc"</c> (a member mentions
/// it) and <c>article_count &gt;= N</c> (stories of at least N articles).
/// </summary>
public sealed partial record StoryFilter(IReadOnlyList<string> Entities, int MinArticles)
{
    public static StoryFilter None { get; } = new([], 1);

    public static StoryFilter Parse(string? text, string field = "filter")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        ListFilters.EnsureLength(text, field);
        var entities = new List<string>();
        var minArticles = 1;
        foreach (var clause in AndSeparator().Split(text.Trim()))
        {
            if (EntityClause().Match(clause) is { Success: true } e)
            {
                entities.Add(e.Groups["name"].Value);
            }
            else if (CountClause().Match(clause) is { Success: true } c
                && int.TryParse(c.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000)
            {
                minArticles = Math.Max(minArticles, n);
            }
            else
            {
                throw new ValidationException(field,
                    $"cannot read '{Shorten(clause)}'; supported clauses, joined with AND: entity = \"entities/{{id}}\", article_count >= N (1-10000)");
            }
        }

        return new StoryFilter(entities, minArticles);
    }

    private static string Shorten(string clause) => clause.Length <= 60 ? clause : clause[..60] + "…";

    public bool Matches(Story story) =>
        story.Members.Count >= MinArticles
        && Entities.All(name => story.Members.Any(m => m.Entities.Any(e => e.Key == name)));

    [GeneratedRegex(@"\s+AND\s+")]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^\s*entity\s*=\s*""(?<name>entities/[a-z0-9-]{1,100})""\s*$")]
    private static partial Regex EntityClause();

    [GeneratedRegex(@"^\s*article_count\s*>=\s*(?<n>\d{1,6})\s*$")]
    private static partial Regex CountClause();
}
