using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Hostile briefing requests: names, windows, enum values, page sizes, tokens and filters.</summary>
public static class SummaryCases
{
    private const string Create = "SummaryService.CreateBriefing";
    private const string Stream = "SummaryService.StreamBriefing";
    private const string Get = "SummaryService.GetBriefing";
    private const string List = "SummaryService.ListBriefings";

    public static IEnumerable<HostileCase> All() =>
    [
        CreateRejected("briefing-no-names", "no article names and no entity", new(), "article_names"),
        CreateRejected("briefing-21-names", "21 article names (limit 20)", Names(Enumerable.Range(0, 21).Select(i => $"articles/a{i}")), "article_names"),
        CreateRejected("briefing-traversal-name", "article name `../../etc/passwd`", Names(["../../etc/passwd"]), "article_names[0]"),
        CreateRejected("briefing-bad-names", "names `x`, `articles/ok`, `articles/a\\0b`", Names(["x", "articles/ok", "articles/a\0b"]), "article_names[0]", "article_names[2]"),
        new("briefing-unknown-article", Create, "a well-formed article name never issued", StatusCode.NotFound, new MissingResource("articles/neverissued2"),
            s => s.SummaryClient.CreateBriefingAsync(Names(["articles/neverissued2"])).ResponseAsync),
        CreateRejected("briefing-names-and-entity", "article names and an entity together",
            new() { ArticleNames = { "articles/a" }, Entity = "entities/person-xi-jinping" }, "article_names"),
        CreateRejected("briefing-entity-malformed", "entity `Xi Jinping` (not a resource name)", new() { Entity = "Xi Jinping" }, "entity"),
        new("briefing-entity-unknown", Create, "a well-formed entity never seen", StatusCode.NotFound, new MissingResource("entities/person-nobody-at-all"),
            s => s.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest { Entity = "entities/person-nobody-at-all" }).ResponseAsync),
        CreateRejected("briefing-window-inverted", "end_time before start_time",
            new() { Entity = "entities/person-xi-jinping", StartTime = Time(2024, 2), EndTime = Time(2024, 1) }, "end_time"),
        CreateRejected("briefing-time-out-of-range", "start_time with seconds = -2^62 and end_time with nanos = 2,000,000,000",
            new()
            {
                Entity = "entities/person-xi-jinping",
                StartTime = new Timestamp { Seconds = -(1L << 62) },
                EndTime = new Timestamp { Seconds = 1_700_000_000, Nanos = 2_000_000_000 },
            },
            "start_time", "end_time"),
        CreateRejected("briefing-unknown-enums", "options.length = 99 and options.engine = -5 (values not in the enums)",
            new() { ArticleNames = { "articles/a" }, Options = new() { Length = (BriefingLength)99, Engine = (EnginePreference)(-5) } },
            "options.length", "options.engine"),
        new("briefing-duplicate-names", Create, "the seed article named three times", StatusCode.OK, new Succeeds("OK; one source, cited"), async s =>
        {
            var seed = await s.SeedArticleAsync();
            var briefing = (await s.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
            {
                ArticleNames = { seed.Name, seed.Name, seed.Name },
                Options = new() { Engine = EnginePreference.Builtin },
            })).Briefing;
            Assert.Equal([seed.Name], briefing.ArticleNames);
            AssertCited(briefing, seed.Name);
        }),
        new("briefing-html-bidi-article", Create, "a briefing of an article with `<script>`, HTML attributes and U+202E in its text", StatusCode.OK,
            new Succeeds("OK; every sentence cited"), async s =>
            {
                var article = HostileSystemFixture.NewArticle("html", a => a.Body =
                    "<script>alert(1)</script>\n\nOfficials in \u202ELisbon\u202C said on Monday <b onmouseover=\"x()\">that</b> the harbour would reopen. “We are ready,” port director Ana Ruiz said.");
                var name = (await s.IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = article })).Article.Name;
                await s.SettledAsync(name, TimeSpan.FromSeconds(30));
                var briefing = (await s.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
                {
                    ArticleNames = { name },
                    Options = new() { Engine = EnginePreference.Builtin },
                })).Briefing;
                AssertCited(briefing, name);
            }),
        new("briefing-100k-sentences", Create, "a briefing of a stored 100,001-sentence article", StatusCode.OK,
            new Succeeds("OK within 30 s; every sentence cited"), async s =>
            {
                var article = HostileSystemFixture.NewArticle("100k", a => a.Body =
                    "Ana Ruiz said the harbour would reopen. " + string.Concat(Enumerable.Repeat("It ran. ", 100_000)));
                var name = (await s.IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = article })).Article.Name;
                Assert.Equal(AnnotationState.Done, (await s.SettledAsync(name, TimeSpan.FromSeconds(30))).AnnotationState);
                var briefing = (await s.SummaryClient.CreateBriefingAsync(
                    new CreateBriefingRequest { ArticleNames = { name }, Options = new() { Engine = EnginePreference.Builtin } },
                    deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;
                AssertCited(briefing, name);
            }),
        new("stream-briefing-bad-names", Stream, "StreamBriefing with name `articles/` and an empty name", StatusCode.InvalidArgument,
            new FieldViolations("article_names[0]", "article_names[1]"), async s =>
            {
                using var call = s.SummaryClient.StreamBriefing(new StreamBriefingRequest { ArticleNames = { "articles/", string.Empty } });
                await call.ResponseStream.MoveNext(CancellationToken.None);
            }),
        GetRejected("get-briefing-empty", "empty name", string.Empty),
        GetRejected("get-briefing-uppercase", "name `briefings/0123456789ABCDEF`", "briefings/0123456789ABCDEF"),
        new("get-briefing-unknown", Get, "a well-formed briefing name never issued", StatusCode.NotFound, new MissingResource("briefings/0123456789abcdef"),
            s => s.SummaryClient.GetBriefingAsync(new GetBriefingRequest { Name = "briefings/0123456789abcdef" }).ResponseAsync),
        ListRejected("briefings-page-size-negative", "page_size -1", new() { PageSize = -1 }, "page_size"),
        new("briefings-page-size-billion", List, "page_size 1,000,000,000", StatusCode.OK, new Succeeds("OK, capped at 1,000 per page"), async s =>
        {
            var page = await s.SummaryClient.ListBriefingsAsync(new ListBriefingsRequest { PageSize = 1_000_000_000 });
            Assert.InRange(page.Briefings.Count, 0, 1_000);
        }),
        ListRejected("briefings-page-token-garbage", "page_token `AAAA` (base64 of zero bytes)", new() { PageToken = "AAAA" }, "page_token"),
        ListRejected("briefings-filter-unknown-field", "filter `source = \"x\"`", new() { Filter = "source = \"x\"" }, "filter"),
        ListRejected("briefings-filter-injection", "filter `article = \"articles/x\" OR 1=1`", new() { Filter = "article = \"articles/x\" OR 1=1" }, "filter"),
        ListRejected("briefings-many-problems", "page_size -1, a garbage token and an unknown field at once",
            new() { PageSize = -1, PageToken = "garbage", Filter = "colour = red" }, "page_size", "page_token", "filter"),
    ];

    private static CreateBriefingRequest Names(IEnumerable<string> names) => new() { ArticleNames = { names } };

    private static Timestamp Time(int year, int month) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero));

    private static void AssertCited(Briefing briefing, string articleName)
    {
        var sentences = briefing.Sections.SelectMany(x => x.Sentences).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, x => Assert.Contains(x.Citations, c => c.ArticleName == articleName));
    }

    private static HostileCase CreateRejected(string id, string input, CreateBriefingRequest request, params string[] fields) =>
        new(id, Create, input, StatusCode.InvalidArgument, new FieldViolations(fields),
            s => s.SummaryClient.CreateBriefingAsync(request).ResponseAsync);

    private static HostileCase GetRejected(string id, string input, string name) =>
        new(id, Get, input, StatusCode.InvalidArgument, new FieldViolations("name"),
            s => s.SummaryClient.GetBriefingAsync(new GetBriefingRequest { Name = name }).ResponseAsync);

    private static HostileCase ListRejected(string id, string input, ListBriefingsRequest request, params string[] fields) =>
        new(id, List, input, StatusCode.InvalidArgument, new FieldViolations(fields),
            s => s.SummaryClient.ListBriefingsAsync(request).ResponseAsync);
}
