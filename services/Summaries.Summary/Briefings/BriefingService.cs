using System.Security.Cryptography;
using Summaries.ServiceDefaults.Errors;
using Summaries.ServiceDefaults.Naming;
using Summaries.Summary.Clients;
using Summaries.Summary.Llm;
using Summaries.Summary.Sources;

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

    public Task<Briefing> CreateAsync(BriefingRequest request, CancellationToken cancellationToken) =>
        CreateAsync(request, stream: null, cancellationToken);

    /// <summary>Writes and stores a briefing, sending its verified headline and sections to <paramref name="stream"/> as they are ready.</summary>
    public async Task<Briefing> CreateAsync(BriefingRequest request, IBriefingStream? stream, CancellationToken cancellationToken)
    {
        var (scope, options) = request;
        var names = BriefingRequestValidator.Validate(scope, options);
        var sources = await GatherAsync(scope, names, cancellationToken);
        var cacheKey = BriefingCacheKey.For(sources, options, composer.PlannedEngine(options));
        if (!options.Refresh && await store.FindCachedAsync(cacheKey, cancellationToken) is { } cached)
        {
            telemetry.CacheHits.Add(1);
            var hit = cached with { Cached = true };
            await ReplayAsync(hit, stream, cancellationToken);
            return hit;
        }

        var composed = await composer.ComposeAsync(sources, options, stream, cancellationToken);
        var id = NewId();
        var briefing = BriefingAssembler.Assemble(ResourceNames.Briefings.Format(id), composed, options, time.GetUtcNow());
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

    /// <summary>The briefing <c>briefings/{id}</c>; NOT_FOUND when there is none.</summary>
    public async Task<Briefing> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw new ResourceNotFoundException(ResourceNames.Briefings.Format(id));

    /// <summary>Newest first; <paramref name="before"/> is where the previous page ended, null for the first page.</summary>
    public Task<BriefingPage> ListAsync(int pageSize, long? before, string? articleName, CancellationToken cancellationToken) =>
        store.ListAsync(pageSize, before, articleName, cancellationToken);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
