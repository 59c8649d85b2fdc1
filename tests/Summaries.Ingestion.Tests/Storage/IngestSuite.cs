using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Importing;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Tests.Infrastructure;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>Idempotency, exact and near-duplicates, and bulk import, on every store.</summary>
public abstract class IngestSuite : IDisposable
{
    protected IngestSuite(Func<ITestDatabase> database, IDictionary<string, string?>? settings = null) =>
        Harness = new DomainHarness(settings, database());

    protected DomainHarness Harness { get; }

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task CreateAsync_TwentyConcurrentSameRequestId_OneArticle()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Harness.Articles.CreateAsync(TestArticles.Command(7, "req-concurrent"), CancellationToken.None))));

        Assert.Single(results.Select(r => r.Article.Name).Distinct(StringComparer.Ordinal));
        Assert.Single(results, r => r.Created);
        Assert.Single((await Harness.Store.ListAsync(100, null, ArticleFilter.None, CancellationToken.None)).Articles);
    }

    [SkippableFact]
    public async Task CreateAsync_TwentyConcurrentSameTextOtherRequestIds_OneArticle()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Harness.Articles.CreateAsync(TestArticles.Command(8, $"req-{i}"), CancellationToken.None))));

        Assert.Single(results.Select(r => r.Article.Name).Distinct(StringComparer.Ordinal));
        Assert.Single((await Harness.Store.ListAsync(100, null, ArticleFilter.None, CancellationToken.None)).Articles);
    }

    [SkippableFact]
    public async Task CreateAsync_SameTextWithOtherCaptionsAndSpacing_ExactDuplicateReturnsTheFirst()
    {
        var first = await CreateAsync(SeedTexts.Blinken, "Wire A");
        var noisy = "Advertisement\r\n\r\n" + SeedTexts.Blinken.Replace("\n\n", "\r\n  \r\n", StringComparison.Ordinal).Replace(". ", ".  ", StringComparison.Ordinal)
            + "\n\nPhoto: Example Agency";
        var second = await CreateAsync(noisy, "Wire B");

        Assert.False(second.Created);
        Assert.Equal(first.Article.Name, second.Article.Name);
        Assert.Equal(SeedTexts.Blinken, second.Article.Body);
    }

    [SkippableFact]
    public async Task CreateAsync_LightlyEditedCopy_StoredAndLinkedToTheOriginal()
    {
        var original = (await CreateAsync(SeedTexts.Blinken, "Example Wire")).Article;
        var copy = await CreateAsync(SeedTexts.EditedBlinken, "Another Outlet", "Blinken and Xi meet in Beijing");
        var unrelated = (await CreateAsync("Ministers met in Geneva on Tuesday to discuss fishing quotas for the coming year.", "Third")).Article;

        Assert.True(copy.Created);
        Assert.Equal(original.Name, copy.Article.DuplicateOf);
        Assert.Equal(original.DuplicateGroup, copy.Article.DuplicateGroup);
        Assert.Equal(original.Id, original.DuplicateGroup);
        Assert.InRange(copy.Article.DuplicateSimilarity, 0.5, 1.0);
        Assert.Empty(unrelated.DuplicateOf);
        Assert.NotEqual(original.DuplicateGroup, unrelated.DuplicateGroup);

        var story = await Harness.Articles.ListAsync(0, "", $"duplicate_group = \"duplicateGroups/{original.DuplicateGroup}\"", CancellationToken.None);
        Assert.Equal([copy.Article.Name, original.Name], story.Articles.Select(a => a.Name));
        var legacy = await Harness.Articles.ListAsync(0, "", $"story = \"stories/{original.DuplicateGroup}\"", CancellationToken.None);
        Assert.Equal([copy.Article.Name, original.Name], legacy.Articles.Select(a => a.Name));
        var copies = await Harness.Articles.ListAsync(0, "", $"duplicate_of = \"{original.Name}\"", CancellationToken.None);
        Assert.Equal(copy.Article.Name, Assert.Single(copies.Articles).Name);
        var originals = await Harness.Articles.ListAsync(0, "", "duplicate_of = \"\"", CancellationToken.None);
        Assert.Equal([unrelated.Name, original.Name], originals.Articles.Select(a => a.Name));
    }

    [SkippableFact]
    public async Task CreateAsync_CopyOfACopy_LinkedToTheOriginal()
    {
        var original = (await CreateAsync(SeedTexts.Blinken, "A")).Article;
        var copy = (await CreateAsync(SeedTexts.EditedBlinken, "B")).Article;
        var copyOfCopy = (await CreateAsync(SeedTexts.EditedBlinken.Replace("half-hour", "30-minute", StringComparison.Ordinal), "C")).Article;

        Assert.Equal(original.Name, copy.DuplicateOf);
        Assert.Equal(original.Name, copyOfCopy.DuplicateOf);
        Assert.Equal(original.DuplicateGroup, copyOfCopy.DuplicateGroup);
    }

    [SkippableFact]
    public async Task InsertManyAsync_CopiesInTheSameGroup_LinkedToTheGroupsOriginal()
    {
        var now = Harness.Time.GetUtcNow();
        var outcomes = await Harness.Store.InsertManyAsync(
            [
                TestRecords.For(new ArticleInput("Original", SeedTexts.Blinken), now),
                TestRecords.For(new ArticleInput("Copy", SeedTexts.EditedBlinken), now),
                TestRecords.For(new ArticleInput("Copy of the copy", SeedTexts.EditedBlinken.Replace("half-hour", "30-minute", StringComparison.Ordinal)), now),
                TestRecords.For(new ArticleInput("Unrelated", SeedTexts.Shuffled(1)), now),
                TestRecords.For(new ArticleInput("Same text again", SeedTexts.Blinken), now),
            ],
            CancellationToken.None);

        var original = outcomes[0].Article;
        Assert.Equal([true, true, true, true, false], outcomes.Select(o => o.Created));
        Assert.Equal([string.Empty, original.Name, original.Name, string.Empty, string.Empty], outcomes.Select(o => o.Article.DuplicateOf));
        Assert.Equal(original.DuplicateGroup, outcomes[2].Article.DuplicateGroup);
        Assert.Equal(original.Name, outcomes[4].Article.Name);
    }

    [SkippableFact]
    public async Task InsertManyAsync_CopiesOfAnEarlierArticleAndOfOneInTheGroup_EachLinkedToItsOwn()
    {
        var now = Harness.Time.GetUtcNow();
        var earlier = (await Harness.Store.InsertManyAsync([TestRecords.For(new ArticleInput("Earlier", SeedTexts.Blinken), now)], CancellationToken.None))[0].Article;
        var outcomes = await Harness.Store.InsertManyAsync(
            [
                TestRecords.For(new ArticleInput("Original in the group", SeedTexts.Shuffled(2)), now),
                TestRecords.For(new ArticleInput("Copy of the earlier one", SeedTexts.EditedBlinken), now),
                TestRecords.For(new ArticleInput("Copy of the group's original", string.Join("\n\n", SeedTexts.Shuffled(2).Split("\n\n")[..^1])), now),
            ],
            CancellationToken.None);

        Assert.Equal([string.Empty, earlier.Name, outcomes[0].Article.Name], outcomes.Select(o => o.Article.DuplicateOf));
    }

    [SkippableFact]
    public async Task ListAsync_TimeRangeAndSourceFilters_OnlyMatching()
    {
        var times = new[] { "2024-04-30T23:59:59Z", "2024-05-01T00:00:00Z", "2024-05-15T12:00:00+02:00", "2024-06-01T00:00:00Z" };
        var names = new List<string>();
        for (var i = 0; i < times.Length; i++)
        {
            var input = TestArticles.Input(100 + i, source: i % 2 == 0 ? "Even Wire" : "Odd Wire") with { PublishTime = DateTimeOffset.Parse(times[i], System.Globalization.CultureInfo.InvariantCulture) };
            names.Add((await Harness.Articles.CreateAsync(new CreateArticleCommand(input), CancellationToken.None)).Article.Name);
        }

        await Harness.Articles.CreateAsync(TestArticles.Command(200), CancellationToken.None); // no publish time: never in a range

        async Task<IEnumerable<string>> ListAsync(string filter) =>
            (await Harness.Articles.ListAsync(0, "", filter, CancellationToken.None)).Articles.Select(a => a.Name);

        Assert.Equal([names[2], names[1]], await ListAsync("publish_time >= \"2024-05-01T00:00:00Z\" AND publish_time < \"2024-06-01T00:00:00Z\""));
        Assert.Equal([names[0]], await ListAsync("publish_time < \"2024-05-01T00:00:00Z\""));
        Assert.Equal([names[3], names[2]], await ListAsync("publish_time > \"2024-05-15T09:59:59Z\""));
        Assert.Equal([names[2]], await ListAsync("publish_time >= \"2024-05-01T00:00:00Z\" AND source = \"Even Wire\" AND publish_time <= \"2024-05-15T10:00:00Z\""));
    }

    [SkippableFact]
    public async Task ImportAsync_TenThousandWithOnePercentBad_BadReportedByIndexGoodStored()
    {
        const int count = 10_000;
        var bad = Enumerable.Range(0, count).Where(i => i % 100 == 37).ToHashSet();
        var results = new List<ImportResult>();
        await foreach (var result in Harness.Importer.ImportAsync(Items(count, bad), maxItems: null, CancellationToken.None))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(0, count), results.Select(r => r.Index));
        var failed = results.Where(r => r.Error is not null).ToList();
        Assert.Equal(bad.Order(), failed.Select(r => r.Index));
        Assert.All(failed, r => Assert.Equal("article.title", Assert.Single(Assert.IsType<ValidationException>(r.Error).Problems).Field));
        Assert.All(results.Where(r => r.Error is null), r => Assert.True(r.Outcome!.Created));
        Assert.Equal(count - bad.Count, results.Select(r => r.Outcome?.Article.Id).OfType<string>().Distinct().Count());
        var latest = await Harness.Store.GetLatestSequenceAsync(CancellationToken.None);
        var stored = await Harness.Store.ListAfterAsync(0, count, CancellationToken.None);
        Assert.Equal(count - bad.Count, stored.Count);
        Assert.Equal(latest, stored[^1].Sequence);
    }

    private static async IAsyncEnumerable<ImportItem> Items(int count, HashSet<int> bad)
    {
        for (var i = 0; i < count; i++)
        {
            var input = TestArticles.Input(i) with { Title = bad.Contains(i) ? " " : $"Headline {i}" };
            yield return new ImportItem($"bulk-{i}", new CreateArticleCommand(input, $"bulk-{i}"));
            if (i % 1000 == 999)
            {
                // A pause now and then, as a network would: the importer commits what it has instead of waiting.
                await Task.Yield();
            }
        }
    }

    private Task<CreateArticleOutcome> CreateAsync(string body, string source, string title = "Blinken meets Xi in Beijing") =>
        Harness.Articles.CreateAsync(new CreateArticleCommand(new ArticleInput(title, body, source, Language: "en")), CancellationToken.None);
}

/// <summary>The ingest suite on SQLite.</summary>
public sealed class SqliteIngestTests() : IngestSuite(() => new SqliteTestDatabase());

/// <summary>
/// The ingest suite on SQLite with every group's band keys written to the band index at once, so near
/// duplicates are found through the table rather than the in-memory tail.
/// </summary>
public sealed class SqliteIndexedBandsIngestTests()
    : IngestSuite(() => new SqliteTestDatabase(), new Dictionary<string, string?> { ["Ingestion:Storage:SqliteBandBatch"] = "1" });

/// <summary>The ingest suite on PostgreSQL (skipped without SUMMARIES_TEST_POSTGRES).</summary>
public sealed class PostgresIngestTests() : IngestSuite(() => new PostgresTestDatabase());
