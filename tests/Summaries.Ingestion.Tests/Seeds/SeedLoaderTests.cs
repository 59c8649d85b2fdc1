using Microsoft.Extensions.Hosting;
using Summaries.Ingestion.Seeds;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Seeds;

public sealed class SeedLoaderTests
{
    private static readonly string RepositorySeeds = Path.Combine(AppContext.BaseDirectory, "seeds");

    [Fact]
    public async Task LoadAsync_Twice_SecondRunStoresNothingNew()
    {
        using var harness = new DomainHarness(new Dictionary<string, string?> { ["Seeds:Directory"] = RepositorySeeds });
        var seedCount = Directory.GetFiles(RepositorySeeds, "*.json").Length;

        var first = await Loader(harness).LoadAsync(CancellationToken.None);
        var second = await Loader(harness).LoadAsync(CancellationToken.None);

        Assert.Equal(new SeedLoadResult(seedCount, 0, 0), first);
        Assert.Equal(new SeedLoadResult(0, seedCount, 0), second);
        Assert.Equal(seedCount, (await harness.Articles.ListAsync(0, "", "", CancellationToken.None)).Articles.Count);
    }

    [Fact]
    public async Task LoadAsync_BadSeedBesideGoodOne_SkipsOnlyTheBadOne()
    {
        using var temp = new TempDirectory();
        var folder = temp.Path;
        File.WriteAllText(Path.Combine(folder, "good.json"), """{ "title": "Good", "request_id": "seed-good" }""");
        File.WriteAllText(Path.Combine(folder, "good.txt"), "A good body.");
        File.WriteAllText(Path.Combine(folder, "empty.json"), """{ "title": "Empty body" }""");
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "   ");
        File.WriteAllText(Path.Combine(folder, "broken.json"), "{");
        using var configured = new DomainHarness(new Dictionary<string, string?> { ["Seeds:Directory"] = folder });

        var result = await Loader(configured).LoadAsync(CancellationToken.None);

        Assert.Equal(new SeedLoadResult(1, 0, 2), result);
    }

    [Fact]
    public async Task LoadAsync_NoFolder_LoadsNothingWithoutThrowing()
    {
        using var harness = new DomainHarness(new Dictionary<string, string?> { ["Seeds:Directory"] = "/nonexistent/seeds/folder" });
        Assert.Equal(new SeedLoadResult(0, 0, 0), await Loader(harness).LoadAsync(CancellationToken.None));
    }

    [Fact]
    public void Find_NotConfigured_FindsNearestSeedsFolderAbove()
    {
        using var temp = new TempDirectory();
        var seeds = Directory.CreateDirectory(Path.Combine(temp.Path, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "a.json"), "{}");
        var deep = Directory.CreateDirectory(Path.Combine(temp.Path, "services", "x", "bin")).FullName;

        Assert.Equal(seeds, SeedDirectoryLocator.Find("", deep, "/"));
    }

    [Fact]
    public void Find_SeedsFolderWithoutJson_KeepsSearching()
    {
        using var temp = new TempDirectory();
        var empty = Directory.CreateDirectory(Path.Combine(temp.Path, "inner", "seeds")).FullName;
        var start = Path.GetDirectoryName(empty)!;

        var found = SeedDirectoryLocator.Find("", start, start);

        Assert.NotEqual(empty, found);
    }

    private static SeedLoader Loader(DomainHarness harness) =>
        harness.Get<IEnumerable<IHostedService>>().OfType<SeedLoader>().Single();
}
