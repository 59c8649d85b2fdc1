using System.ComponentModel.DataAnnotations;

namespace Summaries.Summary.Briefings;

/// <summary>Where the summary service finds the other services. Section <c>Clients</c>.</summary>
public sealed class ClientsOptions
{
    public const string SectionName = "Clients";

    /// <summary>Address of the ingestion service. Default http://localhost:5101.</summary>
    [Required, Url]
    public string IngestionAddress { get; set; } = "http://localhost:5101";

    /// <summary>Address of the entity service. Default http://localhost:5102.</summary>
    [Required, Url]
    public string EntityAddress { get; set; } = "http://localhost:5102";
}
