using Summaries.Summary.Stories;
using static Summaries.Summary.Tests.Stories.StoryCandidates;

namespace Summaries.Summary.Tests.Stories;

public sealed class StoryGrouperTests
{
    private static readonly StoryGrouper Grouper = new(new StoryOptions());

    private static List<StoryCandidate> Day() => [MergerA, MergerB, Spam, Rocket, .. Background];

    private static Story StoryOf(IEnumerable<Story> stories, StoryCandidate article) =>
        stories.Single(s => s.Members.Any(m => m.ArticleName == article.ArticleName));

    [Fact]
    public void Group_SameEventWordedDifferently_OneStory()
    {
        var stories = Grouper.Group(Day());

        var merger = StoryOf(stories, MergerA);
        Assert.Equal([MergerA.ArticleName, MergerB.ArticleName], merger.Members.Select(m => m.ArticleName).Order());
    }

    [Fact]
    public void Group_DifferentEventsSharingUnitedStates_SeparateStories()
    {
        var stories = Grouper.Group(Day());

        Assert.NotEqual(StoryOf(stories, Spam).Name, StoryOf(stories, Rocket).Name);
        Assert.Single(StoryOf(stories, Spam).Members);
        Assert.Single(StoryOf(stories, Rocket).Members);
        // Every article is in exactly one story.
        Assert.Equal(Day().Count, stories.Sum(s => s.Members.Count));
    }

    [Fact]
    public void Group_ShortItemsSharingOnlyACommonName_SeparateStories()
    {
        // A snow storm and a tennis final, each naming only the United States.
        var stories = Grouper.Group(Day());

        Assert.Single(StoryOf(stories, Background.First()).Members);
        Assert.Single(StoryOf(stories, Background.Last()).Members);
    }

    [Fact]
    public void Group_NearDuplicatesWithLittleInCommon_AlwaysOneStory()
    {
        // Ingestion linked the two (one wire story); what the grouping sees of them differs.
        var original = Spam with { DuplicateGroup = "stories/spam" };
        var copy = Rocket with { DuplicateGroup = "stories/spam" };

        var stories = Grouper.Group([original, copy, MergerA, MergerB, .. Background]);

        Assert.Equal(2, StoryOf(stories, original).Members.Count);
        Assert.Same(StoryOf(stories, original), StoryOf(stories, copy));
    }

    [Fact]
    public void Group_ShuffledInput_SameStoriesNamesAndOrder()
    {
        var first = Grouper.Group(Day());
        var shuffled = Day().OrderBy(c => c.Title.Length).ThenByDescending(c => c.ArticleName, StringComparer.Ordinal).ToList();
        Assert.NotEqual(Day().Select(c => c.ArticleName), shuffled.Select(c => c.ArticleName));

        var second = Grouper.Group(shuffled);

        Assert.Equal(first.Select(s => s.Name), second.Select(s => s.Name));
        Assert.Equal(first.Select(s => s.Title), second.Select(s => s.Title));
    }

    [Fact]
    public void Group_SameEventPublishedMonthsApart_SeparateStories()
    {
        var spring = MergerA with { PublishTime = Monday };
        var autumn = MergerB with { PublishTime = Monday.AddDays(180) };

        var stories = Grouper.Group([spring, autumn, Spam, Rocket, .. Background]);

        Assert.NotEqual(StoryOf(stories, spring).Name, StoryOf(stories, autumn).Name);
    }

    [Fact]
    public void Group_SameEventOneWithoutPublishTime_TimeIsNeutral()
    {
        var dated = MergerA with { PublishTime = Monday.AddDays(180) };

        var stories = Grouper.Group([dated, MergerB, Spam, Rocket, .. Background]);

        Assert.Equal(2, StoryOf(stories, dated).Members.Count);
    }

    [Fact]
    public void Group_Story_NamedAfterMembersTitledSharedEntitiesFirst()
    {
        var merger = StoryOf(Grouper.Group(Day()), MergerA);

        Assert.Equal("stories/mergera.mergerb", merger.Name);
        Assert.Equal(["articles/mergera", "articles/mergerb"], StoryNames.ArticlesOf(merger.Name, "story"));
        Assert.Contains(merger.Title, new[] { MergerA.Title, MergerB.Title });
        // Shared by both; Wal-Mart (one article) is not listed, the common United States comes after the rare names.
        Assert.Equal(4, merger.Entities.Count(e => e.ArticleCount == 2 && e.DisplayName != "United States"));
        Assert.DoesNotContain(merger.Entities, e => e.DisplayName == "Wal-Mart");
    }

    [Fact]
    public void Group_StoriesNewestFirst()
    {
        var stories = Grouper.Group([MergerA with { PublishTime = Monday }, MergerB with { PublishTime = Monday.AddHours(2) },
            Spam with { PublishTime = Monday.AddDays(1) }, Rocket with { PublishTime = Monday.AddHours(-3) }]);

        Assert.Equal(["articles/spam", "articles/mergerb", "articles/rocket"], stories.Select(s => s.Members[^1].ArticleName));
        var merger = stories[1];
        Assert.Equal(Monday, merger.Start);
        Assert.Equal(Monday.AddHours(2), merger.End);
        Assert.Equal(["articles/mergera", "articles/mergerb"], merger.Members.Select(m => m.ArticleName));
    }

    [Fact]
    public void Group_Empty_NoStories()
    {
        Assert.Empty(Grouper.Group([]));
    }
}
