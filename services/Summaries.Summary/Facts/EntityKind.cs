namespace Summaries.Summary.Facts;

/// <summary>What an entity of the fact sheet is; Unspecified when the annotator did not say.</summary>
public enum EntityKind
{
    Unspecified,
    Person,
    Organization,
    Location,
    Misc,
}
