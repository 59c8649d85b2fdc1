using Summaries.ServiceDefaults.Naming;

namespace Summaries.Summary.Facts;

/// <summary>How an entity is named to clients: its registry name when it has one, else its display name.</summary>
public static class PublicNames
{
    public static string Of(FactEntity e) =>
        e.Key.StartsWith(ResourceNames.Entities.Prefix, StringComparison.Ordinal) ? e.Key : e.DisplayName;
}
