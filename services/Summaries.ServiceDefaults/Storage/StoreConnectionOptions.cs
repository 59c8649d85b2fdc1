using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>
/// Where a service keeps its store: one key of the <c>ConnectionStrings</c> section, a PostgreSQL
/// connection string (one with <c>Host=</c>) or else a SQLite one, checked on start by
/// <see cref="StoreConnection.Problem"/>. Each service names its key with its own property, so
/// its configuration reads <c>ConnectionStrings:Entity</c>, <c>ConnectionStrings:Summary</c>….
/// </summary>
public abstract class StoreConnectionOptions : IValidatableObject
{
    public const string SectionName = "ConnectionStrings";

    /// <summary>The key under <c>ConnectionStrings</c>, as error messages name it.</summary>
    protected abstract string Key { get; }

    /// <summary>The connection string bound from <see cref="Key"/>.</summary>
    protected abstract string ConnectionString { get; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StoreConnection.Problem(ConnectionString) is { } problem)
        {
            yield return new ValidationResult($"{SectionName}:{Key}: {problem}", [Key]);
        }
    }
}
