using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Storage.Sqlite;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>SQLite stores the cleaned body as a patch on the body when it can, and always reads back the same text.</summary>
public sealed class SqliteCleanedBodyTests
{
    [Theory]
    [InlineData("Para one.\n\nPara two.")]
    [InlineData("Advertisement\r\n\r\nFirst   paragraph.\r\n\r\nMr Xi met Mr Blinken (Pool via AP)\r\n\r\nCafe\u0301 second.")]
    [InlineData("Tab\tinside a line.")]
    [InlineData("Lone\rcarriage returns\rbetween lines.")]
    [InlineData("\u00A0 No-break spaces\u00A0around.")]
    public void Patch_WhenMade_RebuildsTheCleanedText(string body)
    {
        var cleaned = TextCleaner.Clean(body);

        if (SqliteCleanedBody.Patch(body, cleaned) is { } patch)
        {
            Assert.Equal(cleaned.Text, SqliteCleanedBody.Rebuild(body, cleaned.Segments, patch));
            Assert.True(patch.Length < cleaned.Text.Length);
        }
    }

    [Fact]
    public void Patch_SeedArticles_MadeAndRebuilt()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            var body = File.ReadAllText(file);
            var cleaned = TextCleaner.Clean(body);
            var patch = SqliteCleanedBody.Patch(body, cleaned);

            Assert.NotNull(patch);
            Assert.Equal(cleaned.Text, SqliteCleanedBody.Rebuild(body, cleaned.Segments, patch));
        }
    }

    [Fact]
    public void Patch_SameLengthRunThatDiffers_None()
    {
        // The tab became a space in a run of equal length: not rebuildable from the body.
        const string body = "Tab\tinside.";

        Assert.Null(SqliteCleanedBody.Patch(body, TextCleaner.Clean(body)));
    }

    [Fact]
    public async Task CreateAsync_PatchedAndWholeCleanedBodies_ReadBackAsCleaned()
    {
        using var harness = new DomainHarness();
        var patched = "Advertisement\r\n\r\n" + SeedTexts.Blinken.Replace("\n\n", "\r\n\r\n", StringComparison.Ordinal);
        const string whole = "A tab\there keeps the cleaned text whole.";

        var first = (await harness.Articles.CreateAsync(new CreateArticleCommand(new ArticleInput("One", patched)), CancellationToken.None)).Article;
        var second = (await harness.Articles.CreateAsync(new CreateArticleCommand(new ArticleInput("Two", whole)), CancellationToken.None)).Article;

        Assert.Equal(TextCleaner.Clean(patched).Text, (await harness.Articles.GetAsync(first.Name, CancellationToken.None)).CleanedBody);
        Assert.Equal(TextCleaner.Clean(whole).Text, (await harness.Articles.GetAsync(second.Name, CancellationToken.None)).CleanedBody);
        Assert.Equal((0, true), await StoredAsync(harness, first.Id));
        Assert.Equal((TextCleaner.Clean(whole).Text.Length, false), await StoredAsync(harness, second.Id));
    }

    /// <summary>Length of the stored cleaned_body column, and whether a patch is stored.</summary>
    private static async Task<(int CleanedColumn, bool Patched)> StoredAsync(DomainHarness harness, string id)
    {
        await using var connection = new SqliteConnection(harness.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(cleaned_body), cleaned_patch IS NOT NULL FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetBoolean(1));
    }
}
