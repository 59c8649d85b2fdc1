using System.Security.Cryptography;
using System.Text;
using Summaries.Summary.Sources;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>
/// Briefings are cached by what determines them: the articles' texts (content hashes, in order),
/// the options, and the engine with its model and prompt (or rules) version. A changed article,
/// prompt or model gives a new key, so a stale briefing is never served.
/// </summary>
public static class BriefingCacheKey
{
    public static string For(IReadOnlyList<SourceDocument> sources, BriefingOptions options, EngineInfo engine)
    {
        var material = new StringBuilder();
        foreach (var s in sources)
        {
            material.Append(s.ArticleName).Append('=').Append(s.ContentHash).Append('|')
                .Append(s.Annotation.AnnotatorVersion).Append('\n');
        }

        material.Append(Convert.ToBase64String(OptionsMaterial(options))).Append('\n')
            .Append(engine.Kind).Append('|').Append(engine.Model).Append('|').Append(engine.Version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())));
    }

    /// <summary>
    /// The options as keys have always spelled them: the bytes the API's options message had with
    /// refresh left out (field 1 the length, field 2 the engine, each only when set). Kept byte for
    /// byte so that briefings cached before the service stopped keeping wire messages still answer.
    /// Both values are validated enum numbers below 128, so each fits one byte.
    /// </summary>
    private static byte[] OptionsMaterial(BriefingOptions options)
    {
        var bytes = new List<byte>(4);
        if (options.Length != BriefingLength.Unspecified)
        {
            bytes.AddRange([0x08, checked((byte)options.Length)]);
        }

        if (options.Engine != EnginePreference.Unspecified)
        {
            bytes.AddRange([0x10, checked((byte)options.Engine)]);
        }

        return [.. bytes];
    }
}
