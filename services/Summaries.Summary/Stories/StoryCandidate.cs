using Summaries.ServiceDefaults.Naming;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Stories;

/// <summary>
/// One article as the grouping sees it: its text (title and cleaned body), times, the near-duplicate
/// group ingestion put it in, and the canonical entities its annotation found.
/// </summary>
public sealed record StoryCandidate(
    string ArticleName,
    string Title,
    string Body,
    DateTimeOffset? PublishTime,
    DateTimeOffset? StoreTime,
    string? DuplicateGroup,
    IReadOnlyList<StoryCandidateEntity> Entities)
{
    /// <summary>When the article appeared: its publish time, else when it was stored.</summary>
    public DateTimeOffset? When => PublishTime ?? StoreTime;

    /// <summary>The id part of <see cref="ArticleName"/> (<c>articles/{id}</c>).</summary>
    public string ArticleId => ResourceNames.Articles.IdOrSelf(ArticleName);

    /// <summary>The canonical entities of an annotation, keyed as the fact sheet keys them.</summary>
    public static IReadOnlyList<StoryCandidateEntity> EntitiesOf(SourceAnnotation annotation) =>
        annotation.Entities
            .Select(e => new StoryCandidateEntity(KeyOf(e), e.DisplayName, e.Type, e.MentionCount, e.Salience))
            .ToList();

    /// <summary>The registry name when there is one, else type and display name (as the fact sheet does).</summary>
    public static string KeyOf(AnnotatedEntity e) =>
        !string.IsNullOrEmpty(e.EntityName) ? e.EntityName : $"{e.Type}:{e.DisplayName}";
}

/// <summary>One canonical entity of a candidate article.</summary>
public sealed record StoryCandidateEntity(string Key, string DisplayName, AnnotatedEntityType Type, int Mentions, double Salience)
{
    /// <summary>People, organisations and places tie articles to an event; MISC names (nationalities, works) do not.</summary>
    public bool TiesToEvent => Type is AnnotatedEntityType.Person or AnnotatedEntityType.Organization or AnnotatedEntityType.Location;
}
