using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace Summaries.Ingestion.Options;

/// <summary>Where articles are stored. Section <c>ConnectionStrings</c>, key <c>Ingestion</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "ConnectionStrings";

    /// <summary>
    /// SQLite connection string. Default <c>Data Source=.data/ingestion.db</c> (relative to the working
    /// directory); the folder is created at start. The file is put in WAL mode.
    /// </summary>
    [Required]
    public string Ingestion { get; set; } = "Data Source=.data/ingestion.db";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? dataSource = null;
        string? error = null;
        try
        {
            dataSource = new SqliteConnectionStringBuilder(Ingestion).DataSource;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }

        if (error is not null || string.IsNullOrWhiteSpace(dataSource))
        {
            yield return new ValidationResult(
                $"ConnectionStrings:Ingestion must be a SQLite connection string with a Data Source. {error}".TrimEnd(),
                [nameof(Ingestion)]);
        }
    }
}
