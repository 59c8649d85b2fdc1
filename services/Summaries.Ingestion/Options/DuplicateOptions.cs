using System.ComponentModel.DataAnnotations;

namespace Summaries.Ingestion.Options;

/// <summary>Near-duplicate detection. Section <c>Ingestion:Duplicates</c>.</summary>
public sealed class DuplicateOptions
{
    public const string SectionName = "Ingestion:Duplicates";

    /// <summary>Whether new articles are compared with stored originals at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Jaccard similarity of 5-word shingles from which an article is a near-duplicate. Default 0.5:
    /// a lightly edited copy of the example article scores about 0.9, while different outlets'
    /// reports of the same event in the development set score at most 0.31.
    /// </summary>
    [Range(0.05, 1.0)]
    public double Threshold { get; set; } = 0.5;

    /// <summary>Most stored originals compared in full with one new article (those sharing the most band keys). Default 20.</summary>
    [Range(1, 1_000)]
    public int MaxCandidates { get; set; } = 20;
}
