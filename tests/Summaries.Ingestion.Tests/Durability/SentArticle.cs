using System.Globalization;
using System.Text;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Tests.Durability;

/// <summary>An article a durability client sent, and its name once acknowledged.</summary>
public sealed record SentArticle(string RequestId, string Title, string Body, string Name = "")
{
    private static readonly string[] Words =
    [
        "ministers", "agreed", "talks", "would", "resume", "after", "the", "summit", "in", "Geneva", "where", "officials",
        "said", "progress", "on", "trade", "and", "climate", "had", "been", "slow", "but", "steady", "according", "to",
        "a", "statement", "released", "late", "Tuesday", "by", "both", "delegations", "which", "met", "for", "hours",
    ];

    /// <summary>About 1.5 KB of text of its own (random word order, so never a near-duplicate of another).</summary>
    public static SentArticle Make(string key)
    {
        var random = new Random(key.GetHashCode(StringComparison.Ordinal));
        var body = new StringBuilder();
        for (var paragraph = 0; paragraph < 4; paragraph++)
        {
            for (var word = 0; word < 60; word++)
            {
                body.Append(Words[random.Next(Words.Length)]).Append(' ');
            }

            body.Append(key).Append(".\r\n\r\n");
        }

        return new SentArticle("durability-" + key, "Report " + key, body.ToString());
    }

    public Article ToProto() => new()
    {
        Title = Title,
        Body = Body,
        Source = "Durability Wire",
        Language = "en",
        Url = "https://example.com/" + Uri.EscapeDataString(RequestId),
        PublishTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(RequestId.Length)),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RequestId} → {Name}");
}
