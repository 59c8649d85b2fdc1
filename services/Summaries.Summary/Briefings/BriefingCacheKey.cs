using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Summaries.Contracts.Summary.V1;
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

        var keyed = options.Clone();
        keyed.Refresh = false;
        material.Append(Convert.ToBase64String(keyed.ToByteArray())).Append('\n')
            .Append(engine.Kind).Append('|').Append(engine.Model).Append('|').Append(engine.Version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())));
    }
}
