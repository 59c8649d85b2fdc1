using System.ComponentModel.DataAnnotations;

namespace Summaries.Entity;

/// <summary>How the entity service finds names. Section <c>Entity</c>.</summary>
public sealed class EntityOptions
{
    public const string SectionName = "Entity";

    /// <summary>
    /// "Hybrid" (default: the trained NER model decides names and types, rules add aliases,
    /// government bodies and names inside hyphenated words), "Model" (the model alone) or "Rules".
    /// </summary>
    [Required]
    public RecognizerKind Recognizer { get; set; } = RecognizerKind.Hybrid;
}

/// <summary>Which mention recogniser the annotator uses.</summary>
public enum RecognizerKind
{
    Hybrid,
    Model,
    Rules,
}
