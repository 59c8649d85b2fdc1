using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Ingestion.Articles;

/// <summary>
/// The deprecated name of a near-duplicate group, <c>stories/{article}</c>: still in
/// <c>Article.story</c> and accepted by the <c>story</c> filter for one release, now that groups
/// are <c>duplicateGroups/{group}</c> and <c>stories/</c> names the summary service's events.
/// </summary>
public static partial class LegacyStoryNames
{
    public static ResourcePattern Groups { get; } = new("stories", "article", GroupName());

    [GeneratedRegex("^stories/(?<id>[A-Za-z0-9_-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupName();
}
