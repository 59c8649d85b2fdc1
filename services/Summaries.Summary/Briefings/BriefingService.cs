using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;
using Summaries.Summary.Llm;
using Summaries.Summary.Sources;
using Summaries.Summary.Storage;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Briefings;

/// <summary>
/// What to summarise: named articles, the articles mentioning an entity in a time window, or a
/// story from ListStories (<c>stories/{ids}</c>, the articles its name lists).
/// </summary>
public sealed record BriefingScope(IReadOnlyList<string> ArticleNames, string? Entity, DateTimeOffset? From, DateTimeOffset? Until, string? Story = null);

/// <summary>Creates, stores and lists briefings; the gRPC adapter only translates to and from this.</summary>
public sealed partial class BriefingService(
    SourceGatherer gatherer, BriefingComposer composer, IBriefingStore store, GenAiTelemetry telemetry, TimeProvider time)
{
    public const int MaxArticles = 20;

    public Task<Briefing> CreateAsync(BriefingScope scope, BriefingOptions? options, CancellationToken cancellationToken) =>
        CreateAsync(scope, options, stream: null, cancellationToken);

    /// <summary>Writes and stores a briefing, sending its verified headline and sections to <paramref name="stream"/> as they are ready.</summary>
    public async Task<Briefing> CreateAsync(BriefingScope scope, BriefingOptions? options, IBriefingStream? stream, CancellationToken cancellationToken)
    {
        options ??= new BriefingOptions();
        var sources = await GatherAsync(scope, cancellationToken);
        var cacheKey = BriefingCacheKey.For(sources, options, composer.PlannedEngine(options));
        if (!options.Refresh && await store.FindCachedAsync(cacheKey, cancellationToken) is { } cached)
        {
            telemetry.CacheHits.Add(1);
            var hit = cached.Clone();
            hit.Cached = true;
            await ReplayAsync(hit, stream, cancellationToken);
            return hit;
        }

        var composed = await composer.ComposeAsync(sources, options, stream, cancellationToken);
        var id = NewId();
        var briefing = BriefingMapper.ToProto("briefings/" + id, composed, options, time.GetUtcNow());
        // A briefing written under a fallback is not cached: the LLM may answer next time.
        var cacheable = composed.Warnings.Count == 0 && composed.Engine == composer.PlannedEngine(options);
        await store.SaveAsync(id, briefing, cacheable ? cacheKey : null, CancellationToken.None);
        return briefing;
    }

    private static async Task ReplayAsync(Briefing briefing, IBriefingStream? stream, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return;
        }

        await stream.HeadlineAsync(briefing.Headline, cancellationToken);
        foreach (var section in briefing.Sections)
        {
            await stream.SectionAsync(section, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<SourceDocument>> GatherAsync(BriefingScope scope, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(scope.Story))
        {
            return await gatherer.GatherAsync(StoryArticles(scope), cancellationToken);
        }

        if (string.IsNullOrEmpty(scope.Entity))
        {
            return await gatherer.GatherAsync(ValidateArticleNames(scope.ArticleNames), cancellationToken);
        }

        var problems = new List<FieldProblem>();
        if (scope.ArticleNames.Count > 0)
        {
            problems.Add(new FieldProblem("article_names", "give either article_names or entity, not both"));
        }

        if (!EntityName().IsMatch(scope.Entity))
        {
            problems.Add(new FieldProblem("entity", "must look like entities/{id}"));
        }

        if (scope.From is { } from && scope.Until is { } until && until <= from)
        {
            problems.Add(new FieldProblem("end_time", "must be after start_time"));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        var sources = await gatherer.GatherMentioningAsync(scope.Entity, scope.From, scope.Until, MaxArticles, cancellationToken);
        return sources.Count > 0
            ? sources
            : throw new ResourceNotFoundException($"articles mentioning {scope.Entity} in the time window");
    }

    private static IReadOnlyList<string> StoryArticles(BriefingScope scope)
    {
        var problems = new List<FieldProblem>();
        if (scope.ArticleNames.Count > 0)
        {
            problems.Add(new FieldProblem("article_names", "give one of article_names, entity and story"));
        }

        if (!string.IsNullOrEmpty(scope.Entity))
        {
            problems.Add(new FieldProblem("entity", "give one of article_names, entity and story"));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        return StoryNames.ArticlesOf(scope.Story!, "story");
    }

    public async Task<Briefing> GetAsync(string name, CancellationToken cancellationToken)
    {
        var id = ParseName(name, "name");
        return await store.GetAsync(id, cancellationToken) ?? throw new ResourceNotFoundException(name);
    }

    public async Task<(IReadOnlyList<Briefing> Briefings, string NextPageToken)> ListAsync(
        int pageSize, string pageToken, string filter, CancellationToken cancellationToken)
    {
        var size = PageTokens.Size(pageSize);
        var before = PageTokens.Decode(pageToken);
        var article = ParseFilter(filter);
        var page = await store.ListAsync(size, before, article, cancellationToken);
        return (page.Briefings, page.NextAfter is { } next ? PageTokens.Encode(next) : string.Empty);
    }

    private static List<string> ValidateArticleNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            throw new ValidationException("article_names", "at least one article name is required");
        }

        if (names.Count > MaxArticles)
        {
            throw new ValidationException("article_names", $"at most {MaxArticles} articles per briefing");
        }

        var problems = names
            .Select((n, i) => (n, i))
            .Where(x => !ArticleName().IsMatch(x.n))
            .Select(x => new FieldProblem($"article_names[{x.i}]", "must look like articles/{id}"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string ParseName(string name, string field)
    {
        var m = BriefingName().Match(name ?? string.Empty);
        return m.Success ? m.Groups[1].Value : throw new ValidationException(field, "must look like briefings/{id}");
    }

    private static string? ParseFilter(string filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var m = ArticleFilter().Match(filter);
        return m.Success ? m.Groups[1].Value : throw new ValidationException("filter", "supported filter: article = \"articles/{id}\"");
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    [GeneratedRegex(@"^articles/[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ArticleName();

    [GeneratedRegex(@"^entities/[a-z0-9-]{1,100}$")]
    private static partial Regex EntityName();

    [GeneratedRegex(@"^briefings/([a-f0-9]{16})$")]
    private static partial Regex BriefingName();

    [GeneratedRegex(@"^\s*article\s*=\s*""(articles/[A-Za-z0-9_-]{1,64})""\s*$")]
    private static partial Regex ArticleFilter();
}
