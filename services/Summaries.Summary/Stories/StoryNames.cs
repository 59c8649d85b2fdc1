using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Summary.Stories;

/// <summary>
/// Story names list their articles: <c>stories/{id}.{id}…</c>, the ids of the (at most
/// <see cref="MaxArticles"/>) most recent members, sorted. The same articles always give the same
/// name, and briefing a story needs no stored state: any replica reads the articles off the name.
/// A story that gains an article gets a new name.
/// </summary>
public static partial class StoryNames
{
    public const string Prefix = "stories/";

    /// <summary>Articles a story name lists: as many as one briefing covers.</summary>
    public const int MaxArticles = 20;

    /// <summary>The name of a story of these articles (<c>articles/{id}</c>), given most recent first.</summary>
    public static string For(IEnumerable<string> articleNamesNewestFirst) =>
        Prefix + string.Join('.', articleNamesNewestFirst.Take(MaxArticles).Select(IdOf).Order(StringComparer.Ordinal));

    /// <summary>The article names a story name lists; a field violation on <paramref name="field"/> when malformed.</summary>
    public static IReadOnlyList<string> ArticlesOf(string name, string field)
    {
        var match = NamePattern().Match(name ?? string.Empty);
        if (!match.Success)
        {
            throw new ValidationException(field, $"must look like stories/{{id}}.{{id}}… with 1 to {MaxArticles} article ids");
        }

        return match.Groups["ids"].Value.Split('.').Select(id => "articles/" + id).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string IdOf(string articleName) =>
        articleName.StartsWith("articles/", StringComparison.Ordinal) ? articleName["articles/".Length..] : articleName;

    [GeneratedRegex(@"^stories/(?<ids>[A-Za-z0-9_-]{1,64}(?:\.[A-Za-z0-9_-]{1,64}){0,19})$")]
    private static partial Regex NamePattern();
}
