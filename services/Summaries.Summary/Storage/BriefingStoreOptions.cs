using System.ComponentModel.DataAnnotations;
using Summaries.ServiceDefaults.Storage;

namespace Summaries.Summary.Storage;

/// <summary>Where briefings are kept. Section <c>ConnectionStrings</c>, key <c>Summary</c>.</summary>
public sealed class BriefingStoreOptions : IValidatableObject
{
    public const string SectionName = "ConnectionStrings";

    /// <summary>
    /// A PostgreSQL connection string (one with <c>Host=</c>, e.g.
    /// <c>Host=db;Database=summaries_summary;Username=summary;Password=…</c>, optionally
    /// <c>Search Path=schema</c>) or else a SQLite one. Default <c>Data Source=.data/summary.db</c>
    /// (relative to the working directory; the folder is created at start).
    /// </summary>
    [Required]
    public string Summary { get; set; } = "Data Source=.data/summary.db";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StoreConnection.Problem(Summary) is { } problem)
        {
            yield return new ValidationResult($"ConnectionStrings:Summary: {problem}", [nameof(Summary)]);
        }
    }
}
