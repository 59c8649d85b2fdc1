using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Summaries.Summary.Briefings;
using Summaries.Summary.Sources;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Tests.Briefings;

/// <summary>Cache keys stay what the release before computed, so its cached briefings keep answering.</summary>
public sealed class BriefingCacheKeyTests
{
    private static readonly IReadOnlyList<SourceDocument> Sources = [SampleSources.Document(), SampleSources.Document("articles/sample2")];
    private static readonly EngineInfo Engine = new(WriterKind.Llm, "llama3", "prompt-v4");

    public static TheoryData<int, int, bool> Options()
    {
        var data = new TheoryData<int, int, bool>();
        foreach (var length in Enum.GetValues<BriefingLength>())
        {
            foreach (var engine in Enum.GetValues<EnginePreference>())
            {
                data.Add((int)length, (int)engine, length == BriefingLength.Long);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void For_EveryOption_KeyOfTheReleaseBefore(int length, int engine, bool refresh)
    {
        var options = new BriefingOptions((BriefingLength)length, (EnginePreference)engine, refresh);
        var wire = new Wire.BriefingOptions { Length = (Wire.BriefingLength)length, Engine = (Wire.EnginePreference)engine, Refresh = refresh };

        Assert.Equal(KeyOfTheReleaseBefore(Sources, wire, Engine), BriefingCacheKey.For(Sources, options, Engine));
    }

    [Fact]
    public void For_DifferentLengthOrEngine_DifferentKeyRefreshIgnored()
    {
        var medium = BriefingCacheKey.For(Sources, new BriefingOptions(BriefingLength.Medium), Engine);

        Assert.NotEqual(medium, BriefingCacheKey.For(Sources, new BriefingOptions(BriefingLength.Long), Engine));
        Assert.NotEqual(medium, BriefingCacheKey.For(Sources, new BriefingOptions(BriefingLength.Medium, EnginePreference.Builtin), Engine));
        Assert.Equal(medium, BriefingCacheKey.For(Sources, new BriefingOptions(BriefingLength.Medium, Refresh: true), Engine));
    }

    /// <summary>The key as the release that hashed the options message computed it.</summary>
    private static string KeyOfTheReleaseBefore(IReadOnlyList<SourceDocument> sources, Wire.BriefingOptions options, EngineInfo engine)
    {
        var material = new StringBuilder();
        foreach (var s in sources)
        {
            material.Append(s.ArticleName).Append('=').Append(s.ContentHash).Append('|').Append(s.Annotation.AnnotatorVersion).Append('\n');
        }

        var keyed = options.Clone();
        keyed.Refresh = false;
        material.Append(Convert.ToBase64String(keyed.ToByteArray())).Append('\n')
            .Append(engine.Kind).Append('|').Append(engine.Model).Append('|').Append(engine.Version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())));
    }
}
