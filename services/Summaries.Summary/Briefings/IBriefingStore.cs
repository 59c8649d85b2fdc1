using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Briefings;

/// <summary>A page of stored briefings and the sequence to continue after.</summary>
public sealed record BriefingPage(IReadOnlyList<Briefing> Briefings, long? NextAfter);

/// <summary>
/// Stored briefings, the articles each cites, and the cache of identical requests. Implemented in
/// <c>Storage/</c> (SQLite or PostgreSQL, chosen by the connection string); declared here so the
/// briefings depend on no store.
/// </summary>
public interface IBriefingStore : IStoreMigrator, IAsyncDisposable
{
    /// <summary>The briefing stored under a cache key, if any.</summary>
    Task<Briefing?> FindCachedAsync(string cacheKey, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a briefing; with a cache key, later identical requests are answered from it (the
    /// latest briefing saved under a key wins).
    /// </summary>
    Task SaveAsync(string id, Briefing briefing, string? cacheKey, CancellationToken cancellationToken);

    Task<Briefing?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first, keyset-paginated on the insertion sequence; optionally only briefings citing an article.</summary>
    Task<BriefingPage> ListAsync(int pageSize, long? before, string? articleName, CancellationToken cancellationToken);
}
