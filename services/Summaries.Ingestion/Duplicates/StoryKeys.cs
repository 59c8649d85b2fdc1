namespace Summaries.Ingestion.Duplicates;

/// <summary>Story keys: <c>stories/{id of the group's original}</c>.</summary>
public static class StoryKeys
{
    public const string Prefix = "stories/";

    public static string For(string originalId) => Prefix + originalId;
}
