using Google.Protobuf.WellKnownTypes;
using Summaries.Ingestion.Articles;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Naming;
using Proto = Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Grpc;

/// <summary>Translates between the proto messages and the domain types.</summary>
public static class ArticleMapper
{
    public static CreateArticleCommand ToCommand(Proto.Article? article, string requestId) =>
        new(article is null ? null : ToInput(article), requestId);

    public static Proto.Article ToProto(Article article) => new()
    {
        Name = article.Name,
        Title = article.Title,
        Body = article.Body,
        CleanedBody = article.CleanedBody,
        CleanedSegments =
        {
            article.CleanedSegments.Select(s => new Proto.TextSegment
            {
                CleanedStart = s.CleanedStart, OriginalStart = s.OriginalStart, CleanedLength = s.CleanedLength, OriginalLength = s.OriginalLength,
            }),
        },
        DuplicateOf = article.DuplicateOf,
        DuplicateGroup = ResourceNames.DuplicateGroups.Format(article.DuplicateGroup),
#pragma warning disable CS0612 // the deprecated field stays filled for one release
        Story = LegacyStoryNames.Groups.Format(article.DuplicateGroup),
#pragma warning restore CS0612
        DuplicateSimilarity = (float)article.DuplicateSimilarity,
        Source = article.Source,
        Url = article.Url,
        PublishTime = article.PublishTime is { } published ? Timestamp.FromDateTimeOffset(published) : null,
        Language = article.Language,
        CreateTime = Timestamp.FromDateTimeOffset(article.CreateTime),
        ContentHash = article.ContentHash,
        AnnotationState = (Proto.AnnotationState)(int)article.AnnotationState,
        AnnotationError = article.AnnotationError,
    };

    private static ArticleInput ToInput(Proto.Article article) =>
        new(article.Title, article.Body, article.Source, article.Url, ToTime(article.PublishTime), article.Language);

    private static DateTimeOffset? ToTime(Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            return null;
        }

        // Out-of-range seconds or nanos cannot become a DateTimeOffset, so this one problem is reported
        // before the validator runs.
        return timestamp.Seconds is >= MinSeconds and <= MaxSeconds && timestamp.Nanos is >= 0 and < 1_000_000_000
            ? timestamp.ToDateTimeOffset()
            : throw new ValidationException("article.publish_time", "is not a valid timestamp");
    }

    // google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;
}
