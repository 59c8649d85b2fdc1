using System.Security.Cryptography;
using Summaries.Contracts.Summary.V1;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Paging;
using Summaries.Summary.Clients;
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
public sealed class BriefingService(
    SourceGatherer gatherer, BriefingComposer composer, IBriefingStore store, SummaryMetrics telemetry, TimeProvider time)
{
    public const int MaxArticles = BriefingRequestValidator.MaxArticles;

    public Task<Briefing> CreateAsync(BriefingScope scope, BriefingOptions? options, CancellationToken cancellationToken) =>
        CreateAsync(scope, options, stream: null, cancellationToken);

    /// <summary>Writes and stores a briefing, sending its verified headline and sections to <paramref name="stream"/> as they are ready.</summary>
    public async Task<Briefing> CreateAsync(BriefingScope scope, BriefingOptions? options, IBriefingStream? stream, CancellationToken cancellationToken)
    {
        options ??= new BriefingOptions();
        var names = BriefingRequestValidator.Validate(scope, options);
        var sources = await GatherAsync(scope, names, cancellationToken);
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

    private async Task<IReadOnlyList<SourceDocument>> GatherAsync(BriefingScope scope, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(scope.Story) || string.IsNullOrEmpty(scope.Entity))
        {
            return await gatherer.GatherAsync(names, cancellationToken);
        }

        var sources = await gatherer.GatherMentioningAsync(scope.Entity, scope.From, scope.Until, MaxArticles, cancellationToken);
        return sources.Count > 0
            ? sources
            : throw new ResourceNotFoundException($"articles mentioning {scope.Entity} in the time window");
    }

    public async Task<Briefing> GetAsync(string name, CancellationToken cancellationToken)
    {
        var id = BriefingRequestValidator.ParseName(name);
        return await store.GetAsync(id, cancellationToken) ?? throw new ResourceNotFoundException(name);
    }

    public async Task<(IReadOnlyList<Briefing> Briefings, string NextPageToken)> ListAsync(
        int pageSize, string pageToken, string filter, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var size = problems.Check(() => PageTokens.Size(pageSize));
        var binding = PageBinding.Of(("filter", filter));
        var before = problems.Check(() => PageTokens.Decode(pageToken, binding));
        var article = problems.Check(() => BriefingRequestValidator.ParseFilter(filter));
        problems.ThrowIfAny();
        var page = await store.ListAsync(size, before, article, cancellationToken);
        return (page.Briefings, page.NextAfter is { } next ? PageTokens.Encode(next, binding) : string.Empty);
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
