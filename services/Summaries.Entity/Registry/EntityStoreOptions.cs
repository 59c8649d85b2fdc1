using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Entity.Registry;

/// <summary>Where the registry is kept. Section <c>ConnectionStrings</c>, key <c>Entity</c>.</summary>
public sealed class EntityStoreOptions : StoreConnectionOptions
{
    /// <summary>
    /// A PostgreSQL connection string (one with <c>Host=</c>, e.g.
    /// <c>Host=db;Database=summaries_entity;Username=entity;Password=…</c>, optionally
    /// <c>Search Path=schema</c>) or else a SQLite one. Default <c>Data Source=.data/entity.db</c>
    /// (relative to the working directory; the folder is created at start).
    /// </summary>
    [Required]
    public string Entity { get; set; } = "Data Source=.data/entity.db";

    protected override string Key => nameof(Entity);

    protected override string ConnectionString => Entity;
}
