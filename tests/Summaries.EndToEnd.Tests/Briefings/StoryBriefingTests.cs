using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Summaries.EndToEnd.Tests.Briefings;

/// <summary>
/// Multi-outlet news through the real processes: the reports of three WikinewsSum events go in
/// (from the shared development data), ListStories finds the three events, and a briefing of each
/// story stays within its length, cites every one of its sources, hears its most quoted voices and
/// lists every party in its balance report, saying which the text left out.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StoryBriefingTests(SystemFixture system, ITestOutputHelper output)
{
    // Pinochet under house arrest (3 outlets), Nobel Peace Prize to Wangari Maathai (3), New
    // Zealand's cricket injury before the Brisbane Test (2).
    private static readonly string[] Events = ["wikinewssum-en-098", "wikinewssum-en-065", "wikinewssum-en-018"];

    // The data has no publish dates: all are given one day in November 2004, which also keeps the
    // other tests' articles (stored today, without publish times) out of the time range.
    private static readonly DateTimeOffset Day = new(2004, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task ListStoriesThenCreateBriefing_ThreeEvents_OneStoryEachWithinItsLengthAllSourcesCitedMainVoicesHeard()
    {
        var path = SharedData.Require("wikinews/dev_articles.jsonl");
        var reports = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => Events.Contains(e.GetProperty("cluster_id").GetString()))
            .ToList();
        var eventOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reports.Count; i++)
        {
            var created = await system.IngestionClient.CreateArticleAsync(new CreateArticleRequest
            {
                RequestId = "story-e2e-" + reports[i].GetProperty("id").GetString(),
                Article = new Article
                {
                    Title = reports[i].GetProperty("title").GetString(),
                    Body = reports[i].GetProperty("text").GetString(),
                    Url = reports[i].GetProperty("url").GetString(),
                    Source = new Uri(reports[i].GetProperty("url").GetString()!).Host,
                    PublishTime = Timestamp.FromDateTimeOffset(Day.AddMinutes(7 * i)),
                },
            });
            eventOf[created.Article.Name] = reports[i].GetProperty("cluster_id").GetString()!;
        }

        await WaitAnnotatedAsync(eventOf.Keys);

        var stories = await ListAllAsync(new ListStoriesRequest
        {
            PageSize = 2,
            StartTime = Timestamp.FromDateTimeOffset(Day.AddDays(-1)),
            EndTime = Timestamp.FromDateTimeOffset(Day.AddDays(1)),
        });

        // One story per event, each with exactly that event's reports.
        Assert.Equal(Events.Length, stories.Count);
        foreach (var story in stories)
        {
            Assert.Single(story.ArticleNames.Select(n => eventOf[n]).Distinct());
        }

        Assert.Equal(eventOf.Count, stories.Sum(s => s.ArticleNames.Count));

        var partiesChecked = 0;
        foreach (var story in stories)
        {
            var briefing = (await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
            {
                Story = story.Name,
                Options = new BriefingOptions { Engine = EnginePreference.Builtin, Length = BriefingLength.Medium },
            })).Briefing;

            Assert.Equal(story.ArticleNames.Order(), briefing.ArticleNames.Order());
            var cited = briefing.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.Citations)
                .Concat(briefing.HeadlineCitations).Select(c => c.ArticleName).Distinct();
            Assert.Equal(story.ArticleNames.Order(), cited.Order());

            // Within the length (medium: 8 sentences), whatever the number of voices.
            Assert.InRange(briefing.Sections.Sum(s => s.Sentences.Count), 1, 8);

            // Every party quoted in its own words is listed in the balance report; those the text
            // does not hear say so, and the two quoted most are heard.
            var heard = briefing.Sections.Where(s => s.Kind == SectionKind.Position).Select(s => s.Party).ToList();
            Assert.Equal(heard.Count, heard.Distinct().Count());
            var quoted = await DirectlyQuotedPartiesAsync(story.ArticleNames);
            var balance = briefing.Balance.Parties;
            output.WriteLine($"{story.Name} \"{story.Title}\": {story.ArticleNames.Count} articles, quoted in their own words: {string.Join(", ", quoted)}; heard: {string.Join(", ", heard)}");
            // (A short name another report gives in full is listed under the full name: "Ole Mjoes", "Ole Danbolt Mjoes".)
            Assert.All(quoted, party => Assert.Contains(balance, p => p.Party == party
                || p.DisplayName.EndsWith(party.Split('-', ' ')[^1], StringComparison.OrdinalIgnoreCase)));
            Assert.All(balance, p => Assert.Equal(!heard.Contains(p.Party), p.LeftOutOfText));
            Assert.All(balance.OrderByDescending(p => p.SourceQuotes).Take(2), p => Assert.False(p.LeftOutOfText, $"{p.DisplayName}, quoted {p.SourceQuotes} times, is not heard"));

            // One person once: no heard person's name is the ending of another's.
            var names = balance.Where(p => !p.LeftOutOfText).Select(p => p.DisplayName).ToList();
            Assert.DoesNotContain(names, a => names.Any(b => b != a && b.EndsWith(" " + a.Split(' ')[^1], StringComparison.Ordinal) && a.Split(' ').Length == 1));
            partiesChecked += quoted.Count;
        }

        // Some of the reports quote people in their own words (Maathai, the cricketers, ...).
        Assert.True(partiesChecked >= 2, $"only {partiesChecked} directly quoted parties found");
    }

    private async Task WaitAnnotatedAsync(IEnumerable<string> names)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var name in names)
        {
            while ((await system.IngestionClient.GetArticleAsync(new GetArticleRequest { Name = name })).Article.AnnotationState != AnnotationState.Done)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{name} was not annotated within 60 s");
                await Task.Delay(200);
            }
        }
    }

    private async Task<List<Contracts.Summary.V1.Story>> ListAllAsync(ListStoriesRequest request)
    {
        var stories = new List<Contracts.Summary.V1.Story>();
        do
        {
            var page = await system.SummaryClient.ListStoriesAsync(request);
            stories.AddRange(page.Stories);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return stories;
    }

    /// <summary>Everyone the entity service found quoted in their own words, named as briefings name parties.</summary>
    private async Task<HashSet<string>> DirectlyQuotedPartiesAsync(IEnumerable<string> articleNames)
    {
        var parties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in articleNames)
        {
            var annotation = (await system.EntityClient.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = name })).Annotation;
            foreach (var quote in annotation.Quotes.Where(q => q.Direct && q.SpeakerKey.Length > 0))
            {
                var speaker = annotation.Entities.Single(e => e.Key == quote.SpeakerKey);
                parties.Add(speaker.EntityName.Length > 0 ? speaker.EntityName : speaker.DisplayName);
            }
        }

        return parties;
    }
}
