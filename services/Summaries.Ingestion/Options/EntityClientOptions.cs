using System.ComponentModel.DataAnnotations;

namespace Summaries.Ingestion.Options;

/// <summary>Where the entity service listens. Section <c>Clients:EntityService</c>.</summary>
public sealed class EntityClientOptions
{
    public const string SectionName = "Clients:EntityService";

    /// <summary>Address of the entity service (http or https). Default <c>http://localhost:5102</c>.</summary>
    [Required, Url]
    public string Address { get; set; } = "http://localhost:5102";
}
