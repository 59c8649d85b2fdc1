using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Naming;
using Summaries.Summary.Sources;

namespace Summaries.Summary.Clients;

/// <summary>What the ingestion and entity services answer, as the summary service's own source records.</summary>
public static class SourceMapper
{
    public static SourceArticle ToDomain(Article a) => new(
        a.Name,
        a.Title,
        a.Body,
        a.CleanedBody,
        a.Source,
        a.PublishTime?.ToDateTimeOffset(),
        a.CreateTime?.ToDateTimeOffset(),
        a.ContentHash,
        DuplicateGroupOf(a));

    /// <summary>
    /// The near-duplicate group's id. An ingestion service of the previous release fills only the
    /// deprecated <c>story</c> (<c>stories/{id}</c>); both forms end in the original's id, which is
    /// all grouping compares, so articles from either release group together.
    /// </summary>
    private static string? DuplicateGroupOf(Article a)
    {
        if (ResourceNames.DuplicateGroups.TryParse(a.DuplicateGroup, out var id))
        {
            return id;
        }

#pragma warning disable CS0612 // read only when the new field is missing
        var legacy = a.Story;
#pragma warning restore CS0612
        return string.IsNullOrEmpty(legacy) ? null : legacy[(legacy.IndexOf('/', StringComparison.Ordinal) + 1)..];
    }

    public static SourceAnnotation ToDomain(Annotation a) => new(
        a.AnnotatorVersion,
        a.Sentences.Select(s => new AnnotatedSentence(s.Index, s.Start, s.End, s.Text)).ToList(),
        a.Mentions.Select(m => new AnnotatedMention(m.Text, m.Start, m.End, m.EntityKey, m.SentenceIndex)).ToList(),
        a.Entities.Select(ToDomain).ToList(),
        a.Quotes.Select(q => new AnnotatedQuote(
            q.Text, q.Start, q.End, q.Cue, q.SpeakerKey, q.SpeakerText, q.SpeakerStart, q.SpeakerEnd, q.Direct, q.SentenceIndex)).ToList());

    private static AnnotatedEntity ToDomain(TextEntity e) => new(
        e.Key, e.EntityName, e.DisplayName, ToDomain(e.Type), [.. e.Aliases], [.. e.Roles.Select(r => r.Text)], e.MentionCount, e.Salience);

    private static AnnotatedEntityType ToDomain(EntityType type) => type switch
    {
        EntityType.Person => AnnotatedEntityType.Person,
        EntityType.Organization => AnnotatedEntityType.Organization,
        EntityType.Location => AnnotatedEntityType.Location,
        EntityType.Misc => AnnotatedEntityType.Misc,
        _ => AnnotatedEntityType.Unspecified,
    };
}
