using System.Text;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Duplicates;

public sealed class MinHashBandsTests
{
    /// <summary>
    /// Band keys are stored: a key computed today must equal the one stored for the same text by any
    /// earlier build, or new copies stop finding their originals. These were computed by the first
    /// implementation (scalar, over the shingle set).
    /// </summary>
    [Fact]
    public void Of_FixedText_KeysOfTheFirstImplementation() =>
        Assert.Equal(
            [
                -5040441197428558226, 3969039571395728039, 915082333986905297, -7286944430781915970,
                11407284431802412, 8869666057135595901, 2639027241180354409, -7992420176856956632,
                3335957434067809521, 7912299908691470512, 9182152557422081457, 3091350155345877934,
            ],
            TextFingerprint.Of("Ministers met in Geneva on Tuesday to discuss the ceasefire. “We want a fair deal,” Ana Ruiz said after the talks.").BandKeys);

    [Fact]
    public void Of_ExampleArticle_KeysOfTheFirstImplementation() =>
        Assert.Equal(
            [
                2728691727025229720, -4942632461838410325, 7854885343481591929, -3745660461647501748,
                5577236170824538247, 1361901723476325617, -583532946158492512, -6621132902990406119,
                6436630146800845756, -6595462393658092886, -5807495108029290418, 7664860323654933103,
            ],
            TextFingerprint.Of(SeedTexts.Blinken).BandKeys);

    [Fact]
    public void Of_Vectorized_SameKeysAsScalar()
    {
        var random = new Random(20240617);
        var texts = new List<string> { SeedTexts.Blinken, SeedTexts.EditedBlinken, "one", "two words", "a b c d e f" };
        for (var i = 0; i < 200; i++)
        {
            var text = new StringBuilder();
            for (var w = random.Next(1, 400); w > 0; w--)
            {
                text.Append("w").Append(random.Next(0, 300)).Append(' ');
            }

            texts.Add(text.ToString());
        }

        foreach (var text in texts)
        {
            var hashes = Shingles.Hashes(TextCleaner.Clean(text).Text);
            Assert.Equal(MinHashBands.Of(hashes, vectorized: false), MinHashBands.Of(hashes, vectorized: true));
        }
    }

    [Fact]
    public void Hashes_RepeatedPhrases_SameSetAsOf()
    {
        const string text = "the same five words here. the same five words here. and then something else entirely";

        Assert.True(Shingles.Of(text).SetEquals(Shingles.Hashes(text)));
        Assert.True(Shingles.Hashes(text).Length > Shingles.Of(text).Count);
    }
}
