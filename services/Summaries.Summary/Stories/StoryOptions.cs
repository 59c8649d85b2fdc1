using System.ComponentModel.DataAnnotations;

namespace Summaries.Summary.Stories;

/// <summary>How ListStories groups articles into stories. Section <c>Stories</c>.</summary>
public sealed class StoryOptions : IValidatableObject
{
    public const string SectionName = "Stories";

    /// <summary>
    /// Share of the similarity that comes from shared entities (people, organisations, places, weighted
    /// by rarity); the rest comes from the wording of title and lead. Default 0.6.
    /// </summary>
    [Range(0.0, 1.0)]
    public double EntityWeight { get; set; } = 0.6;

    /// <summary>
    /// Two groups merge while their average pairwise similarity is at least this. Default 0.16: in
    /// the range (0.15-0.175) that scores best on the WikinewsSum development events both alone
    /// (57 articles) and mixed with 264 unrelated articles (the evaluation's <c>group</c> command).
    /// </summary>
    [Range(0.01, 1.0)]
    public double Threshold { get; set; } = 0.16;

    /// <summary>Words of the body read after the title for the wording similarity. Default 100.</summary>
    [Range(10, 100_000)]
    public int LeadWords { get; set; } = 100;

    /// <summary>
    /// Prior "empty" documents in the rarity weighting, so a small candidate set still weighs what
    /// its articles share. Default 10.
    /// </summary>
    [Range(0.0, 1_000.0)]
    public double IdfPriorDocuments { get; set; } = 10;

    /// <summary>
    /// Words and entities found in at most 1/this of the candidates all weigh as fully rare, so the
    /// similarity keeps its scale whether 20 or 500 articles are grouped. Default 10.
    /// </summary>
    [Range(1.5, 1_000.0)]
    public double IdfCeilingRatio { get; set; } = 10;

    /// <summary>Articles published at most this many hours apart are compared at full weight. Default 48.</summary>
    [Range(0.0, 10_000.0)]
    public double TimeWindowHours { get; set; } = 48;

    /// <summary>Beyond the window, the similarity halves every this many hours. Default 48.</summary>
    [Range(1.0, 10_000.0)]
    public double TimeHalfLifeHours { get; set; } = 48;

    /// <summary>Most articles one ListStories call groups (the most recently stored in the window). Default 500.</summary>
    [Range(2, 5_000)]
    public int MaxCandidates { get; set; } = 500;

    /// <summary>Most stored articles one ListStories call reads, newest first, looking for candidates. Default 2,000.</summary>
    [Range(2, 50_000)]
    public int MaxScanned { get; set; } = 2_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxScanned < MaxCandidates)
        {
            yield return new ValidationResult("MaxScanned must be at least MaxCandidates.", [nameof(MaxScanned)]);
        }
    }
}
