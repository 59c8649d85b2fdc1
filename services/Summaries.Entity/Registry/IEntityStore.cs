using Summaries.Language;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Entity.Registry;

/// <summary>
/// The registry of canonical entities (with aliases, roles and the articles they appear in) and
/// each article's latest annotation. SQLite (<see cref="Sqlite.SqliteEntityStore"/>) or PostgreSQL
/// (<see cref="Postgres.PostgresEntityStore"/>), chosen by the connection string; both register
/// through the same <see cref="RegistrationPlan"/>, so they name and count identically.
/// </summary>
public interface IEntityStore : IStoreMigrator, IAsyncDisposable
{
    /// <summary>
    /// Records an article's entities in the registry (replacing that article's earlier counts) and
    /// returns the registry name of each entity key. The payload is built by the caller from those
    /// names and stored as the article's annotation in the same transaction.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> RegisterAsync(
        string articleName, IReadOnlyList<EntityInfo> entities, Func<IReadOnlyDictionary<string, string>, byte[]> payload,
        CancellationToken cancellationToken);

    Task<byte[]?> GetAnnotationAsync(string articleName, CancellationToken cancellationToken);

    Task<RegisteredEntity?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Most mentioned first, then by name; the page position is an offset into that order.</summary>
    Task<(IReadOnlyList<RegisteredEntity> Items, long? Next)> ListAsync(
        EntityFilter filter, int pageSize, long offset, CancellationToken cancellationToken);
}
