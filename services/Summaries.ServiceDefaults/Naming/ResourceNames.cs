using System.Text.RegularExpressions;

namespace Summaries.ServiceDefaults.Naming;

/// <summary>
/// Every collection the services name, with the ids each accepts. One place, so a name another
/// service issued reads the same wherever it is passed on.
/// </summary>
public static partial class ResourceNames
{
    /// <summary>
    /// <c>articles/{article}</c>: ingestion issues 12 base32 characters, but every service accepts
    /// <c>[A-Za-z0-9_-]{1,64}</c>, so a well-formed name never issued is NOT_FOUND, not INVALID_ARGUMENT.
    /// </summary>
    public static ResourcePattern Articles { get; } = new("articles", "article", ArticleName());

    /// <summary><c>entities/{entity}</c>: a type slug and a name slug, lowercase letters, digits and hyphens.</summary>
    public static ResourcePattern Entities { get; } = new("entities", "entity", EntityName());

    /// <summary><c>briefings/{briefing}</c>: 16 lowercase hex digits of the briefing's content hash.</summary>
    public static ResourcePattern Briefings { get; } = new("briefings", "briefing", BriefingName());

    /// <summary>
    /// <c>stories/{story}</c>: the summary service's events, named by the sorted ids of up to 20
    /// member articles joined with dots.
    /// </summary>
    public static ResourcePattern Stories { get; } = new("stories", "story", StoryName());

    /// <summary><c>duplicateGroups/{group}</c>: ingestion's near-duplicate groups, named after the original's article id.</summary>
    public static ResourcePattern DuplicateGroups { get; } = new("duplicateGroups", "group", DuplicateGroupName());

    [GeneratedRegex("^articles/(?<id>[A-Za-z0-9_-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleName();

    [GeneratedRegex("^entities/(?<id>[a-z0-9-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex EntityName();

    [GeneratedRegex("^briefings/(?<id>[a-f0-9]{16})$", RegexOptions.CultureInvariant)]
    private static partial Regex BriefingName();

    [GeneratedRegex(@"^stories/(?<id>[A-Za-z0-9_-]{1,64}(?:\.[A-Za-z0-9_-]{1,64}){0,19})$", RegexOptions.CultureInvariant)]
    private static partial Regex StoryName();

    [GeneratedRegex("^duplicateGroups/(?<id>[A-Za-z0-9_-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateGroupName();
}
