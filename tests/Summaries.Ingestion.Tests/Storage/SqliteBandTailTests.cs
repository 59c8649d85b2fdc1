using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>
/// SQLite keeps the band keys of recent originals in their rows and in memory, and writes them to the
/// band index in batches: copies are found on either side of a batch, after a restart, and not after
/// their original is deleted.
/// </summary>
public sealed class SqliteBandTailTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Tail_OriginalsSharingKeys_CountedUntilRemovedAndBatchedInKeyOrder()
    {
        var tail = new Summaries.Ingestion.Storage.Sqlite.SqliteBandTail();
        tail.Add(1, [10, 20, 20]);
        tail.Add(2, [20, 30]);
        tail.Add(3, [20]);

        Assert.Equal(new Dictionary<long, int> { [1] = 2, [2] = 1, [3] = 1 }, Shared(tail, [10, 20]));

        tail.Remove(1);
        Assert.Equal(new Dictionary<long, int> { [2] = 1, [3] = 1 }, Shared(tail, [10, 20]));
        tail.Remove(3);
        Assert.Equal(new Dictionary<long, int> { [2] = 2 }, Shared(tail, [20, 30]));

        var (rows, through) = tail.Batch();
        Assert.Equal([(20L, 2L), (30L, 2L)], rows);
        Assert.Equal(2, through);
        tail.Indexed(through);
        Assert.Empty(Shared(tail, [20, 30]));
        Assert.Equal(0, tail.Count);
    }

    private static Dictionary<long, int> Shared(Summaries.Ingestion.Storage.Sqlite.SqliteBandTail tail, long[] keys)
    {
        var shared = new Dictionary<long, int>();
        tail.CountShared(keys, shared);
        return shared;
    }

    [Fact]
    public async Task CreateAsync_CopiesOfOriginalsBeforeAndAfterABatch_BothLinked()
    {
        using var harness = Harness(batch: 3);
        var originals = new List<Article>();
        for (var n = 0; n < 5; n++)
        {
            originals.Add(await CreateAsync(harness, Text(n)));
        }

        // The third original filled the batch: the first three are in the index, the rest in the tail.
        Assert.Equal((originals[2].Sequence, 36L), await BandStateAsync());
        Assert.Equal(originals[0].Name, (await CreateAsync(harness, Copy(0))).DuplicateOf);
        Assert.Equal(originals[4].Name, (await CreateAsync(harness, Copy(4))).DuplicateOf);
    }

    [Fact]
    public async Task CreateAsync_AfterRestart_TailReadBackFromTheRows()
    {
        Article original;
        using (var first = Harness(batch: 100))
        {
            original = await CreateAsync(first, Text(1));
        }

        using var second = Harness(batch: 100);

        Assert.Equal(original.Name, (await CreateAsync(second, Copy(1))).DuplicateOf);
        Assert.Equal((0L, 0L), await BandStateAsync());
    }

    [Fact]
    public async Task LoadAsync_AtStart_ReadsTheTailBeforeTheFirstWrite()
    {
        Article original;
        using (var first = Harness(batch: 100))
        {
            original = await CreateAsync(first, Text(1));
        }

        using var second = Harness(batch: 100);
        await second.Store.LoadAsync(CancellationToken.None);
        // Rows read after this point no longer matter: a store that loaded at its first write would
        // now find no keys for the original.
        await ExecuteAsync("UPDATE articles SET band_keys = NULL");

        Assert.Equal(original.Name, (await CreateAsync(second, Copy(1))).DuplicateOf);
    }

    [Fact]
    public async Task LoadAsync_Twice_SecondReadsNothingAgain()
    {
        using (var first = Harness(batch: 100))
        {
            await CreateAsync(first, Text(1));
        }

        using var second = Harness(batch: 100);
        await second.Store.LoadAsync(CancellationToken.None);
        var original = await CreateAsync(second, Text(2));
        await ExecuteAsync("UPDATE articles SET band_keys = NULL");
        await second.Store.LoadAsync(CancellationToken.None);

        // Had the second load read the rows again, the tail would have lost the keys set to NULL.
        Assert.Equal(original.Name, (await CreateAsync(second, Copy(2))).DuplicateOf);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(0)]
    public async Task CreateAsync_AfterRestartWithEveryOriginalIndexed_FilterRebuiltAndCopyFound(int filterMiB)
    {
        Article original;
        using (var first = Harness(batch: 1, filterMiB))
        {
            await CreateAsync(first, Text(2));
            original = await CreateAsync(first, Text(1));
        }

        Assert.Equal((original.Sequence, 24L), await BandStateAsync());
        using var second = Harness(batch: 1, filterMiB);

        Assert.Equal(original.Name, (await CreateAsync(second, Copy(1))).DuplicateOf);
        Assert.Empty((await CreateAsync(second, Text(3))).DuplicateOf);
    }

    [Fact]
    public async Task DeleteAsync_OriginalsInIndexAndInTail_NoLongerFound()
    {
        using var harness = Harness(batch: 2);
        var indexed = await CreateAsync(harness, Text(1));
        await CreateAsync(harness, Text(2));
        var inTail = await CreateAsync(harness, Text(3));

        await harness.Articles.DeleteAsync(indexed.Name, CancellationToken.None);
        await harness.Articles.DeleteAsync(inTail.Name, CancellationToken.None);

        Assert.Equal(12L, (await BandStateAsync()).Rows);
        Assert.Empty((await CreateAsync(harness, Copy(1))).DuplicateOf);
        Assert.Empty((await CreateAsync(harness, Copy(3))).DuplicateOf);
    }

    private DomainHarness Harness(int batch, int filterMiB = 8) =>
        new(new Dictionary<string, string?>
            {
                ["Ingestion:Storage:SqliteBandBatch"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Ingestion:Storage:SqliteBandFilterMiB"] = filterMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            new SharedDatabase(_database));

    private static async Task<Article> CreateAsync(DomainHarness harness, string body) =>
        (await harness.Articles.CreateAsync(new CreateArticleCommand(new ArticleInput("Title", body)), CancellationToken.None)).Article;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The watermark and how many rows the band index holds.</summary>
    private async Task<(long IndexedThrough, long Rows)> BandStateAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT indexed_through FROM article_band_state), (SELECT COUNT(*) FROM article_bands)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static string Text(int n) => SeedTexts.Shuffled(n);

    /// <summary>A copy with its last paragraph dropped: a near-duplicate of <see cref="Text"/>(n).</summary>
    private static string Copy(int n)
    {
        var paragraphs = Text(n).Split("\n\n");
        return string.Join("\n\n", paragraphs[..^1]);
    }
}
