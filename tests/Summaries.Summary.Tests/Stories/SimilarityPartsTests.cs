using Summaries.Summary.Stories;

namespace Summaries.Summary.Tests.Stories;

public sealed class SimilarityPartsTests
{
    [Fact]
    public void IdfWeighting_FeatureEveryDocumentHas_WeighsLessThanARareOne()
    {
        var docs = Enumerable.Range(0, 20)
            .Select(i => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["common"] = 1, [$"own{i}"] = 1 })
            .Append(new Dictionary<string, double> { ["common"] = 1, ["own0"] = 1 })
            .ToList();

        var vectors = IdfWeighting.Vectors(docs, priorDocuments: 10, ceilingRatio: 10);

        // Documents 0 and 20 share the rare feature: far more alike than 1 and 2, which share only the common one.
        Assert.True(vectors[0].Cosine(vectors[20]) > 20 * vectors[1].Cosine(vectors[2]));
    }

    [Fact]
    public void IdfWeighting_ThinDocuments_NeverFullyAlike()
    {
        // Identical, but each has a single feature: the length floor keeps them from scoring 1.
        IReadOnlyDictionary<string, double> thin = new Dictionary<string, double> { ["only"] = 1 };
        IReadOnlyDictionary<string, double> rich = Enumerable.Range(0, 30).ToDictionary(i => $"f{i}", _ => 1.0);

        var thinPair = IdfWeighting.Vectors([thin, thin], priorDocuments: 10, ceilingRatio: 10);
        var richPair = IdfWeighting.Vectors([rich, rich], priorDocuments: 10, ceilingRatio: 10);

        Assert.InRange(thinPair[0].Cosine(thinPair[1]), 0.05, 0.5);
        Assert.InRange(richPair[0].Cosine(richPair[1]), 0.5, 1.0);
    }

    [Fact]
    public void TimeFactor_InsideWindowFullOutsideHalvingMissingNeutral()
    {
        var similarity = new StorySimilarity([], new StoryOptions { TimeWindowHours = 48, TimeHalfLifeHours = 24 });
        var t = StoryCandidates.Monday;

        Assert.Equal(1, similarity.TimeFactor(t, t.AddHours(47)));
        Assert.Equal(0.5, similarity.TimeFactor(t, t.AddHours(72)), 6);
        Assert.Equal(1, similarity.TimeFactor(t, null));
    }
}
