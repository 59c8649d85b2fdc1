using Microsoft.Data.Sqlite;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Storage;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

public sealed class SqliteArticleStoreTests : IDisposable
{
    private readonly DomainHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private IArticleStore Store => _harness.Store;

    [Fact]
    public async Task Migrate_SecondRun_KeepsDataAndUsesWal()
    {
        await InsertAsync(1);
        _harness.Get<ArticleDatabase>().Migrate();

        Assert.Equal(1, await Store.GetLatestSequenceAsync(CancellationToken.None));
        await using var connection = await _harness.Get<ArticleDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA user_version;";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("wal", reader.GetString(0));
        Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
        Assert.Equal(1, reader.GetInt32(0));
    }

    [Fact]
    public async Task InsertAsync_RequestIdTaken_ReturnsExistingRow()
    {
        var first = await InsertAsync(1, "req");
        var second = await InsertAsync(2, "req");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Article, second.Article);
    }

    [Fact]
    public async Task InsertAsync_SameHash_ReturnsExistingRow()
    {
        var first = await InsertAsync(1, "req-a", hash: "h");
        var second = await InsertAsync(2, "req-b", hash: "h");

        Assert.False(second.Created);
        Assert.Equal(first.Article.Id, second.Article.Id);
    }

    [Fact]
    public async Task InsertAsync_IdCollision_RetriesWithFreshId()
    {
        var first = await InsertAsync(1, id: "sameid");
        var second = await InsertAsync(2, id: "sameid");

        Assert.True(second.Created);
        Assert.NotEqual(first.Article.Id, second.Article.Id);
    }

    [Fact]
    public async Task InsertAsync_RoundTrip_KeepsEveryField()
    {
        var published = new DateTimeOffset(2023, 6, 19, 18, 0, 0, 123, TimeSpan.Zero);
        var content = TestArticles.Input(5) with { PublishTime = published, Language = "pt-BR" };
        var outcome = await Store.InsertAsync(
            new NewArticleRecord("abc", "r", content, "hash5", _harness.Time.GetUtcNow(), _harness.Time.GetUtcNow()), CancellationToken.None);

        var stored = await Store.GetAsync("abc", CancellationToken.None);
        Assert.Equal(outcome.Article, stored);
        Assert.Equal(published, stored!.PublishTime);
        Assert.Equal(content.Body, stored.Body);
        Assert.Equal("pt-BR", stored.Language);
        Assert.Equal(AnnotationState.Pending, stored.AnnotationState);
    }

    [Fact]
    public async Task ListAsync_KeysetPages_NewestFirstWithoutOverlap()
    {
        for (var i = 1; i <= 5; i++)
        {
            await InsertAsync(i);
        }

        var first = await Store.ListAsync(2, null, ArticleFilter.None, CancellationToken.None);
        // A delete between pages shifts nothing: the next page starts below the last sequence seen.
        await Store.DeleteAsync(first.Articles[0].Id, CancellationToken.None);
        var second = await Store.ListAsync(2, first.NextBefore, ArticleFilter.None, CancellationToken.None);
        var third = await Store.ListAsync(2, second.NextBefore, ArticleFilter.None, CancellationToken.None);

        Assert.Equal([5L, 4L], first.Articles.Select(a => a.Sequence));
        Assert.Equal([3L, 2L], second.Articles.Select(a => a.Sequence));
        Assert.Equal([1L], third.Articles.Select(a => a.Sequence));
        Assert.Null(third.NextBefore);
    }

    [Fact]
    public async Task ListAfterAsync_AfterCursor_OldestFirst()
    {
        for (var i = 1; i <= 4; i++)
        {
            await InsertAsync(i);
        }

        var after = await Store.ListAfterAsync(2, 10, CancellationToken.None);

        Assert.Equal([3L, 4L], after.Select(a => a.Sequence));
    }

    [Fact]
    public async Task DeleteAsync_Sequence_NeverReused()
    {
        var first = await InsertAsync(1);
        await Store.DeleteAsync(first.Article.Id, CancellationToken.None);
        var second = await InsertAsync(2);

        Assert.True(second.Article.Sequence > first.Article.Sequence);
    }

    [Fact]
    public async Task UpdateAnnotationAsync_AfterDone_LateFailureIgnored()
    {
        var article = (await InsertAsync(1)).Article;
        await Store.UpdateAnnotationAsync(article.Id, new AnnotationUpdate(AnnotationState.Done, "", 1, null), CancellationToken.None);
        await Store.UpdateAnnotationAsync(article.Id, new AnnotationUpdate(AnnotationState.Pending, "late", 2, DateTimeOffset.UnixEpoch), CancellationToken.None);

        var stored = await Store.GetAsync(article.Id, CancellationToken.None);
        Assert.Equal(AnnotationState.Done, stored!.AnnotationState);
        Assert.Equal(string.Empty, stored.AnnotationError);
    }

    [Fact]
    public async Task ListDueForAnnotationAsync_OnlyPendingAndDue()
    {
        var now = _harness.Time.GetUtcNow();
        var due = (await InsertAsync(1, nextAnnotation: now.AddSeconds(-1))).Article;
        await InsertAsync(2, nextAnnotation: now.AddMinutes(1));
        var done = (await InsertAsync(3, nextAnnotation: now.AddSeconds(-5))).Article;
        await Store.UpdateAnnotationAsync(done.Id, new AnnotationUpdate(AnnotationState.Done, "", 1, null), CancellationToken.None);

        var result = await Store.ListDueForAnnotationAsync(now, 10, CancellationToken.None);

        Assert.Equal(due.Id, Assert.Single(result).Id);
    }

    [Fact]
    public async Task InsertAsync_UniqueIndexes_EnforcedByTheDatabase()
    {
        await InsertAsync(1, "req");
        await using var connection = await _harness.Get<ArticleDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO articles (id, request_id, content_hash, title, body, source, url, language, create_time, annotation_state)
            VALUES ('other', 'req', 'other-hash', 't', 'b', '', '', 'en', '2025-01-01T00:00:00Z', 1)
            """;
        var ex = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    private Task<CreateArticleOutcome> InsertAsync(
        int n, string? requestId = null, string? hash = null, string? id = null, DateTimeOffset? nextAnnotation = null)
    {
        var now = _harness.Time.GetUtcNow();
        var record = new NewArticleRecord(
            id ?? ArticleNames.NewId(), requestId, TestArticles.Input(n), hash ?? $"hash-{n}", now, nextAnnotation ?? now);
        return Store.InsertAsync(record, CancellationToken.None);
    }
}
