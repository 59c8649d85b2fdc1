using Summaries.Language;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Naming;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.Entity.Registry;

/// <summary>Annotates texts and articles, and serves the registry of canonical entities.</summary>
public sealed class EntityAnnotationService(ITextAnnotator annotator, IEntityStore store, IAnnotationCodec codec)
{
    public const int MaxTextLength = 1_000_000;

    /// <summary>Most articles in one BatchAnnotateArticles call.</summary>
    public const int MaxBatchArticles = 100;

    /// <summary>The text's annotation; the work stops when <paramref name="cancellationToken"/> fires (a caller's deadline).</summary>
    public ArticleAnnotation AnnotateText(string text, CancellationToken cancellationToken = default)
    {
        ValidateText(text, "text");
        return ArticleAnnotation.Of(text, annotator.Annotate(text, null, cancellationToken), string.Empty, null);
    }

    public async Task<ArticleAnnotation> AnnotateArticleAsync(string articleName, string? title, string text, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (!ResourceNames.Articles.IsMatch(articleName))
        {
            problems.Add(new FieldProblem("article_name", ResourceNames.Articles.Problem));
        }

        problems.AddRange(TextProblems(text, "text"));
        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        var annotation = annotator.Annotate(text, title, cancellationToken);
        ArticleAnnotation? result = null;
        await store.RegisterAsync(articleName!, annotation.Entities, names =>
        {
            result = ArticleAnnotation.Of(text, annotation, articleName!, names);
            return codec.Encode(result);
        }, cancellationToken);
        return result!;
    }

    /// <summary>
    /// Each article as <see cref="AnnotateArticleAsync"/> would, in order. An invalid article is its own
    /// result (the others go on); anything else (the store failing, cancellation) ends the call, and the
    /// articles annotated before it stay annotated, as they would have after single calls.
    /// </summary>
    public async Task<IReadOnlyList<ArticleOutcome>> AnnotateArticlesAsync(IReadOnlyList<ArticleText> articles, CancellationToken cancellationToken)
    {
        if (articles.Count > MaxBatchArticles)
        {
            throw new ValidationException("requests", $"must hold at most {MaxBatchArticles} articles; send the rest in another call");
        }

        var outcomes = new List<ArticleOutcome>(articles.Count);
        foreach (var article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                outcomes.Add(new ArticleOutcome(await AnnotateArticleAsync(article.Name, article.Title, article.Text, cancellationToken), null));
            }
            catch (ValidationException ex)
            {
                outcomes.Add(new ArticleOutcome(null, ex));
            }
        }

        return outcomes;
    }

    public async Task<ArticleAnnotation> GetArticleAnnotationAsync(string articleName, CancellationToken cancellationToken)
    {
        ResourceNames.Articles.Parse(articleName, "article_name");

        var payload = await store.GetAnnotationAsync(articleName!, cancellationToken);
        return payload is null ? throw new ResourceNotFoundException(articleName! + "/annotation") : codec.Decode(payload);
    }

    public async Task<RegisteredEntity> GetEntityAsync(string name, CancellationToken cancellationToken)
    {
        ResourceNames.Entities.Parse(name);

        return await store.GetAsync(name!, cancellationToken) ?? throw new ResourceNotFoundException(name!);
    }

    public async Task<(IReadOnlyList<RegisteredEntity> Items, string NextPageToken)> ListEntitiesAsync(
        int pageSize, string pageToken, string filter, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var size = problems.Check(() => PageTokens.Size(pageSize));
        var binding = PageBinding.Of(("filter", filter));
        var offset = problems.Check(() => PageTokens.Decode(pageToken, binding)) ?? 0;
        var parsed = problems.Check(() => EntityFilterParser.Parse(filter));
        problems.ThrowIfAny();
        var (items, next) = await store.ListAsync(parsed!, size, offset, cancellationToken);
        var kept = WithinBudget(items);
        if (kept < items.Count)
        {
            // The page ends early; the next one starts with the first entity left out.
            return (items.Take(kept).ToList(), PageTokens.Encode(offset + kept, binding));
        }

        return (items, next is { } n ? PageTokens.Encode(n, binding) : string.Empty);
    }

    /// <summary>
    /// A page of entities is cut at about this many bytes (each may carry up to
    /// <see cref="RegisteredEntity.MaxArticleNames"/> article names, so 1,000 of them could make 30 MB).
    /// </summary>
    public const long MaxPageBytes = 4L * 1024 * 1024;

    /// <summary>How many of <paramref name="items"/> fit in <see cref="MaxPageBytes"/>; at least one.</summary>
    public static int WithinBudget(IReadOnlyList<RegisteredEntity> items)
    {
        var bytes = 0L;
        for (var i = 0; i < items.Count; i++)
        {
            bytes += items[i].ApproximateBytes();
            if (bytes > MaxPageBytes && i > 0)
            {
                return i;
            }
        }

        return items.Count;
    }

    private static void ValidateText(string text, string field)
    {
        var problems = TextProblems(text, field).ToList();
        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }
    }

    private static IEnumerable<FieldProblem> TextProblems(string text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return new FieldProblem(field, "must not be empty");
        }
        else if (text.Length > MaxTextLength)
        {
            yield return new FieldProblem(field, $"must be at most {MaxTextLength} characters");
        }
    }
}

/// <summary>An article to annotate: its name, optional title and text.</summary>
public sealed record ArticleText(string Name, string? Title, string Text);

/// <summary>One article's annotation, or why it was refused.</summary>
public sealed record ArticleOutcome(ArticleAnnotation? Annotation, ValidationException? Error);
