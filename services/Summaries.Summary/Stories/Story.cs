namespace Summaries.Summary.Stories;

/// <summary>Articles about one event, as grouped by <see cref="StoryGrouper"/>.</summary>
/// <param name="Name"><c>stories/{ids}</c>, see <see cref="StoryNames"/>.</param>
/// <param name="Members">The articles, oldest first.</param>
/// <param name="Title">The title of the member most like the others.</param>
/// <param name="Entities">Entities most of the members share, most shared first.</param>
/// <param name="Start">Earliest publish (else store) time of a member.</param>
/// <param name="End">Latest publish (else store) time of a member.</param>
public sealed record Story(
    string Name,
    IReadOnlyList<StoryCandidate> Members,
    string Title,
    IReadOnlyList<StoryEntity> Entities,
    DateTimeOffset? Start,
    DateTimeOffset? End);

/// <summary>An entity the members of a story share.</summary>
/// <param name="Key">Registry name (<c>entities/{entity}</c>) when registered, else type and display name.</param>
public sealed record StoryEntity(string Key, string DisplayName, int ArticleCount);
