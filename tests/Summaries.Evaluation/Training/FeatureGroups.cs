using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Training;

/// <summary>Named groups of feature templates, so that training can leave one out and measure what it adds.</summary>
internal static class FeatureGroups
{
    public static IEnumerable<FeatureTemplate> Templates(IEnumerable<string> groups) => groups.SelectMany(Templates);

    public static IEnumerable<FeatureTemplate> Templates(string group) => group switch
    {
        "clusters" => [FeatureTemplate.Cluster4, FeatureTemplate.Cluster8, FeatureTemplate.Cluster12, FeatureTemplate.Cluster16, FeatureTemplate.NoCluster, FeatureTemplate.ClusterMinus1, FeatureTemplate.ClusterPlus1],
        "gazetteer" => [FeatureTemplate.Gazetteer, FeatureTemplate.GazetteerMinus1, FeatureTemplate.GazetteerPlus1],
        "names" => [FeatureTemplate.Names, FeatureTemplate.NamesMinus1, FeatureTemplate.NamesPlus1],
        "lexicon" => [FeatureTemplate.LexiconClass, FeatureTemplate.LexiconClassMinus1, FeatureTemplate.LexiconClassPlus1, FeatureTemplate.LexiconClassCase],
        "document" => [FeatureTemplate.DocumentCase],
        "history" => [FeatureTemplate.HistoryLabel, FeatureTemplate.HistoryType, FeatureTemplate.HistoryTypeCase, FeatureTemplate.HistoryHasType],
        "capitals" => [FeatureTemplate.CapitalBucket],
        "context" => [FeatureTemplate.WordMinus2, FeatureTemplate.WordPlus2, FeatureTemplate.ShapeMinus2, FeatureTemplate.ShapePlus2, FeatureTemplate.WordsAround],
        _ => throw new ArgumentException($"Unknown feature group '{group}'.", nameof(group)),
    };
}
