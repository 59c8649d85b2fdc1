using Microsoft.Extensions.Options;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Watching;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Naming;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Ingestion.Articles;

/// <summary>A page of articles and the token for the next one (empty at the end).</summary>
public sealed record ArticlePage(IReadOnlyList<Article> Articles, string NextPageToken);

/// <summary>The articles found by a read by name, the names with no article, and those left for another call.</summary>
public sealed record ArticleBatch(IReadOnlyList<Article> Articles, IReadOnlyList<string> MissingNames, IReadOnlyList<string> DeferredNames);

/// <summary>Stores, reads, lists and deletes articles; the gRPC adapter only translates to and from this.</summary>
public sealed partial class ArticleService(
    ArticlePreparer preparer,
    IArticleStore store,
    GroupCommitter commits,
    AnnotationSignal annotation,
    ArticleBroadcaster broadcaster,
    IngestionTelemetry telemetry,
    IOptions<AnnotationOptions> annotationOptions,
    TimeProvider time,
    ILogger<ArticleService> logger)
{
    /// <summary>
    /// Stores an article, or returns the one stored earlier for the same <c>request_id</c> (a retry)
    /// or with exactly the same cleaned body (an exact duplicate: same <c>content_hash</c>, whatever
    /// the request id). Keeping one copy per text is deliberate: a second copy would only double its
    /// weight in briefings. A near-duplicate is stored and linked to its original. The article is
    /// committed PENDING, which puts it in the annotation outbox; the annotation worker is woken and
    /// the answer waits for its first attempt for at most <see cref="AnnotationOptions.CreateWait"/>
    /// (and the call's deadline). After that the article is returned PENDING; the attempt goes on
    /// without the caller, and a failed one is retried by the same worker.
    /// </summary>
    public async Task<CreateArticleOutcome> CreateAsync(CreateArticleCommand command, CancellationToken cancellationToken)
    {
        var record = preparer.Prepare(command, cancellationToken);
        // Listening before the commit: the worker may attempt the article as soon as it is committed.
        var attempted = annotation.WhenAttempted(record.Id, System.Diagnostics.Activity.Current?.Context);
        CreateArticleOutcome outcome;
        try
        {
            // Committed together with the creates of other callers (and streams) that arrive while a
            // commit is running. A caller gone before its record is taken stores nothing; once taken
            // it is committed whether or not the caller stays.
            outcome = await commits.InsertAsync(record, cancellationToken);
        }
        catch
        {
            annotation.Forget(record.Id);
            throw;
        }

        if (!outcome.Created || outcome.Article.Id != record.Id)
        {
            // An article stored earlier, or this one under another id (the first was taken): no
            // attempt to wait for under this id.
            annotation.Forget(record.Id);
            if (!outcome.Created)
            {
                LogExisting(logger, outcome.Article.Name, command.RequestId);
                return outcome;
            }
        }

        telemetry.ArticlesCreated.Add(1);
        broadcaster.NotifyCommitted();
        annotation.Wake();
        LogCreated(logger, outcome.Article.Name, outcome.Article.Sequence, outcome.Article.Body.Length, outcome.Article.DuplicateOf);
        if (outcome.Article.Id != record.Id)
        {
            return outcome;
        }

        try
        {
            return outcome with { Article = await attempted.WaitAsync(annotationOptions.Value.CreateWait, time, cancellationToken) };
        }
        catch (TimeoutException)
        {
            // The attempt goes on (behind a backlog, or a slow entity service) and ends the wait itself.
            LogAnsweredBeforeAnnotation(logger, outcome.Article.Name, annotationOptions.Value.CreateWait.TotalMilliseconds);
            return outcome;
        }
    }

    public async Task<Article> GetAsync(string name, CancellationToken cancellationToken)
    {
        var id = ResourceNames.Articles.Parse(name);
        return await store.GetAsync(id, cancellationToken) ?? throw new ResourceNotFoundException(name);
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var id = ResourceNames.Articles.Parse(name);
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            throw new ResourceNotFoundException(name);
        }

        LogDeleted(logger, name);
    }

    /// <summary>
    /// Newest first; the page token is the last row's sequence, so pages never skip or repeat rows,
    /// and is good only for the filter it was returned for.
    /// </summary>
    public Task<ArticlePage> ListAsync(int pageSize, string? pageToken, string? filter, CancellationToken cancellationToken) =>
        ListAsync(pageSize, pageToken, filter, ArticleReadShape.Unbounded, cancellationToken);

    /// <summary>
    /// As above, in <paramref name="shape"/>'s view; a page also ends before the article that would pass
    /// the shape's byte budget (holding at least one, with a token for the rest).
    /// </summary>
    public async Task<ArticlePage> ListAsync(
        int pageSize, string? pageToken, string? filter, ArticleReadShape shape, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var size = problems.Check(() => PageTokens.Size(pageSize));
        var binding = PageBinding.Of(("filter", filter));
        var before = problems.Check(() => PageTokens.Decode(pageToken, binding));
        var parsed = problems.Check(() => ArticleFilterParser.Parse(filter));
        problems.ThrowIfAny();

        var page = await store.ListAsync(size, before, parsed!, shape, cancellationToken);
        return new ArticlePage(page.Articles, page.NextBefore is { } next ? PageTokens.Encode(next, binding) : string.Empty);
    }

    /// <summary>
    /// The articles named, in the order asked (AIP-231, without its all-or-nothing rule: a name with no
    /// article is reported, not fatal). Names after the one that would pass the byte budget are deferred.
    /// </summary>
    public async Task<ArticleBatch> GetManyAsync(IReadOnlyList<string> names, ArticleReadShape shape, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        if (names.Count is 0 or > MaxBatchGetNames)
        {
            problems.Add("names", $"must hold 1 to {MaxBatchGetNames} names");
        }

        var ids = new List<string>(names.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count && i < MaxBatchGetNames; i++)
        {
            var field = $"names[{i}]";
            if (problems.Check(() => ResourceNames.Articles.Parse(names[i], field)) is { } id)
            {
                if (seen.Add(id))
                {
                    ids.Add(id);
                }
                else
                {
                    problems.Add(field, "repeats an earlier name");
                }
            }
        }

        problems.ThrowIfAny();
        var (found, read) = await store.GetManyAsync(ids, shape, cancellationToken);
        var foundIds = found.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return new ArticleBatch(
            found,
            ids.Take(read).Where(id => !foundIds.Contains(id)).Select(ResourceNames.Articles.Format).ToList(),
            ids.Skip(read).Select(ResourceNames.Articles.Format).ToList());
    }

    /// <summary>The most names one BatchGetArticles may ask for (AIP-231 suggests a limit; protos say 1,000).</summary>
    public const int MaxBatchGetNames = 1_000;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {ArticleName} (sequence {Sequence}, {BodyChars} body characters, near-duplicate of '{DuplicateOf}')")]
    private static partial void LogCreated(ILogger logger, string articleName, long sequence, int bodyChars, string duplicateOf);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered for {ArticleName} PENDING: its first annotation attempt did not end within {WaitMilliseconds} ms and goes on in the background")]
    private static partial void LogAnsweredBeforeAnnotation(ILogger logger, string articleName, double waitMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Returned existing {ArticleName} for request id '{RequestId}' (retry or identical text)")]
    private static partial void LogExisting(ILogger logger, string articleName, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {ArticleName}")]
    private static partial void LogDeleted(ILogger logger, string articleName);
}
