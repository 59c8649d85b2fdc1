using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Summary.Stories;

/// <summary>
/// Story names list their articles: <c>stories/{id}.{id}…</c>, the ids of the (at most
/// <see cref="MaxArticles"/>) most recent members, sorted. The same articles always give the same
/// name, and briefing a story needs no stored state: any replica reads the articles off the name.
/// A story that gains an article gets a new name.
/// </summary>
public static class StoryNames
{
    /// <summary>Articles a story name lists: as many as one briefing covers.</summary>
    public const int MaxArticles = 20;

    /// <summary>The name of a story of these articles (<c>articles/{id}</c>), given most recent first.</summary>
    public static string For(IEnumerable<string> articleNamesNewestFirst) =>
        ResourceNames.Stories.Format(string.Join(
            '.', articleNamesNewestFirst.Take(MaxArticles).Select(ResourceNames.Articles.IdOrSelf).Order(StringComparer.Ordinal)));

    /// <summary>The article names a story name lists; a field violation on <paramref name="field"/> when malformed.</summary>
    public static IReadOnlyList<string> ArticlesOf(string name, string field)
    {
        if (!ResourceNames.Stories.TryParse(name, out var ids))
        {
            throw new ValidationException(field, $"must look like stories/{{id}}.{{id}}… with 1 to {MaxArticles} article ids");
        }

        return ids.Split('.').Select(ResourceNames.Articles.Format).Distinct(StringComparer.Ordinal).ToList();
    }
}
