using Summaries.Ingestion.Storage.Sqlite;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>The band filter may say "maybe" for a key never added, but never "no" for one that was.</summary>
public sealed class SqliteBandFilterTests
{
    [Fact]
    public void MightContainAny_AddedKeys_AlwaysTrue()
    {
        var filter = new SqliteBandFilter(mebibytes: 1);
        var random = new Random(7);
        var keys = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToList();
        keys.ForEach(filter.Add);

        Assert.All(keys, key => Assert.True(filter.MightContainAny([key])));
        Assert.Equal(100_000, filter.Count);
    }

    [Fact]
    public void MightContainAny_TwelveUnrelatedKeys_MostlyRuledOut()
    {
        // 1 MiB and 120,000 keys: the fill of the default 8 MiB at a million keys (about 80,000 originals).
        var filter = new SqliteBandFilter(mebibytes: 1);
        var random = new Random(11);
        for (var i = 0; i < 120_000; i++)
        {
            filter.Add(random.NextInt64(long.MinValue, long.MaxValue));
        }

        var maybes = Enumerable.Range(0, 10_000)
            .Count(_ => filter.MightContainAny(Enumerable.Range(0, 12).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray()));

        Assert.InRange(maybes, 0, 100);
    }

    [Fact]
    public void MightContainAny_SizeZero_AlwaysTrue()
    {
        var filter = new SqliteBandFilter(mebibytes: 0);
        filter.Add(42);

        Assert.False(filter.Enabled);
        Assert.True(filter.MightContainAny([1, 2, 3]));
        Assert.True(filter.MightContainAny([]));
    }

    [Fact]
    public void MightContainAny_NothingAdded_False()
    {
        var filter = new SqliteBandFilter(mebibytes: 1);

        Assert.False(filter.MightContainAny([0, 1, -1, long.MaxValue]));
    }
}
