using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Storage;

/// <summary>Where briefings are kept. Section <c>ConnectionStrings</c>, key <c>Summary</c>.</summary>
public sealed class BriefingStoreOptions : StoreConnectionOptions
{
    /// <summary>
    /// A PostgreSQL connection string (one with <c>Host=</c>, e.g.
    /// <c>Host=db;Database=summaries_summary;Username=summary;Password=…</c>, optionally
    /// <c>Search Path=schema</c>) or else a SQLite one. Default <c>Data Source=.data/summary.db</c>
    /// (relative to the working directory; the folder is created at start).
    /// </summary>
    [Required]
    public string Summary { get; set; } = "Data Source=.data/summary.db";

    protected override string Key => nameof(Summary);

    protected override string ConnectionString => Summary;
}
