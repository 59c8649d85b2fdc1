namespace Summaries.Ingestion.Options;

/// <summary>Example articles loaded at start. Section <c>Seeds</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Whether to load seeds at start. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Folder of <c>NAME.json</c> + <c>NAME.txt</c> pairs; relative paths are taken from the content root.
    /// Default empty: search upward from the content root, then from the current directory, for a
    /// <c>seeds</c> folder that holds <c>*.json</c> files.
    /// </summary>
    public string Directory { get; set; } = string.Empty;
}
