using Summaries.Ingestion.Seeds;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Seeds;

public sealed class SeedReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadAsync_RepositoryExample_MetadataAndExactBody()
    {
        var json = Path.Combine(AppContext.BaseDirectory, "seeds", "blinken-xi-beijing.json");
        var command = await SeedReader.ReadAsync(json, CancellationToken.None);

        Assert.Equal("seed-blinken-xi-beijing", command.RequestId);
        Assert.Equal("Blinken meets Xi in Beijing", command.Article!.Title);
        Assert.Equal(new DateTimeOffset(2023, 6, 19, 18, 0, 0, TimeSpan.Zero), command.Article.PublishTime);
        Assert.Equal(await File.ReadAllTextAsync(Path.ChangeExtension(json, ".txt")), command.Article.Body);
    }

    [Fact]
    public async Task ReadAsync_NoRequestId_UsesSeedStem()
    {
        var json = Write("story", """{ "title": "T", "language": "en" }""", "Body.");
        Assert.Equal("seed-story", (await SeedReader.ReadAsync(json, CancellationToken.None)).RequestId);
    }

    [Fact]
    public async Task ReadAsync_MissingText_Throws()
    {
        var json = Write("lonely", """{ "title": "T" }""", body: null);
        await Assert.ThrowsAsync<InvalidDataException>(() => SeedReader.ReadAsync(json, CancellationToken.None));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "title": "T", "publish_time": "yesterday" }""")]
    public async Task ReadAsync_BadJson_Throws(string content)
    {
        var json = Write("bad", content, "Body.");
        await Assert.ThrowsAsync<InvalidDataException>(() => SeedReader.ReadAsync(json, CancellationToken.None));
    }

    private string Write(string stem, string json, string? body)
    {
        var path = Path.Combine(_temp.Path, stem + ".json");
        File.WriteAllText(path, json);
        if (body is not null)
        {
            File.WriteAllText(Path.ChangeExtension(path, ".txt"), body);
        }

        return path;
    }
}
