namespace Summaries.Ingestion.Articles;

/// <summary>Annotation progress; the numbers match the proto enum and are stored as such.</summary>
public enum AnnotationState
{
    Pending = 1,
    Done = 2,
    Failed = 3,
}
