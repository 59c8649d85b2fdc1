using Summaries.Summary.Sources;
using Summaries.Summary.Stories;

namespace Summaries.Summary.Tests.Stories;

/// <summary>Short hand-written news items, as the grouping sees them.</summary>
internal static class StoryCandidates
{
    public static readonly DateTimeOffset Monday = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);

    public static StoryCandidate Article(
        string id, string title, string body, string[] entities, DateTimeOffset? published = null, string? duplicateGroup = null) =>
        new("articles/" + id, title, body, published, Monday, duplicateGroup, entities.Select(Entity).ToList());

    /// <summary>"person:Jane Doe" → a registered person mentioned twice.</summary>
    private static StoryCandidateEntity Entity(string spec)
    {
        var (kind, name) = (spec[..spec.IndexOf(':')], spec[(spec.IndexOf(':') + 1)..]);
        var type = kind switch
        {
            "person" => AnnotatedEntityType.Person,
            "org" => AnnotatedEntityType.Organization,
            "location" => AnnotatedEntityType.Location,
            _ => AnnotatedEntityType.Misc,
        };
        return new StoryCandidateEntity($"entities/{kind}-{name.ToLowerInvariant().Replace(' ', '-')}", name, type, 2, 0.3);
    }

    /// <summary>Two reports of a retail merger, worded differently.</summary>
    public static StoryCandidate MergerA => Article("mergera", "Kmart to buy Sears in $11bn deal",
        "Discount chain Kmart agreed on Wednesday to acquire Sears, Roebuck in a cash and stock deal worth about $11 billion, "
        + "creating the third-largest retailer in the country. Edward Lampert, the hedge fund manager who controls Kmart, will "
        + "chair the combined company, to be called Sears Holdings.",
        ["org:Kmart", "org:Sears", "person:Edward Lampert", "org:Sears Holdings", "location:United States"]);

    public static StoryCandidate MergerB => Article("mergerb", "Retail giants agree merger",
        "Two of America's oldest store groups are joining forces. Sears shareholders will receive cash or shares in the new "
        + "Sears Holdings, which investor Edward Lampert will lead. Analysts said the acquisition by Kmart would let the "
        + "chains compete with Wal-Mart.",
        ["org:Sears", "org:Kmart", "person:Edward Lampert", "org:Sears Holdings", "org:Wal-Mart", "location:United States"]);

    /// <summary>A report on spam that, like many unrelated stories, names the United States.</summary>
    public static StoryCandidate Spam => Article("spam", "Most junk e-mail sent from US computers",
        "More than 40 percent of the world's unsolicited e-mail is relayed through computers in the United States, the "
        + "security firm Sophos reported. South Korea and China followed in the ranking of spam-sending countries.",
        ["org:Sophos", "location:United States", "location:South Korea", "location:China"]);

    /// <summary>A rocket launch that also names the United States.</summary>
    public static StoryCandidate Rocket => Article("rocket", "Heavy rocket readied for first flight",
        "Boeing's new heavy-lift launcher stood on the pad at Cape Canaveral as engineers prepared its maiden launch for "
        + "the United States Air Force, carrying a demonstration satellite.",
        ["org:Boeing", "location:United States", "org:Air Force", "location:Cape Canaveral"]);

    /// <summary>Other news naming the United States, so that, as in a real day's articles, it is common.</summary>
    public static IEnumerable<StoryCandidate> Background =>
    [
        Article("bg1", "Storm closes schools", "Heavy snow closed schools across the northern United States on Tuesday.", ["location:United States"]),
        Article("bg2", "Fed holds rates", "The Federal Reserve left interest rates unchanged, citing steady growth in the United States.",
            ["org:Federal Reserve", "location:United States"]),
        Article("bg3", "Museum reopens", "A museum of modern art in Chicago reopened after a two-year renovation.", ["location:Chicago"]),
        Article("bg4", "Tennis final", "The champion won the final in straight sets in front of a home crowd in the United States.",
            ["location:United States"]),
    ];
}
