namespace Summaries.Ingestion.Cleaning;

/// <summary>What a line of an article body is, as far as cleaning is concerned.</summary>
public enum LineKind
{
    /// <summary>Article text; kept.</summary>
    Text,

    /// <summary>Nothing but whitespace; paragraph separator.</summary>
    Blank,

    /// <summary>A photo caption or credit, e.g. "Mr Xi met Mr Blinken in Beijing (Pool via AP)"; removed.</summary>
    Caption,

    /// <summary>Page furniture: "Advertisement", menus, breadcrumbs, copyright, script debris; removed.</summary>
    Boilerplate,
}
