using System.Buffers.Text;
using System.Text;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Paging;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Hostile names, page sizes, page tokens, filters and cursors for ingestion's read and delete RPCs.</summary>
public static class IngestionReadCases
{
    private const string Get = "IngestionService.GetArticle";
    private const string BatchGet = "IngestionService.BatchGetArticles";
    private const string Delete = "IngestionService.DeleteArticle";
    private const string List = "IngestionService.ListArticles";
    private const string Watch = "IngestionService.WatchArticles";

    public static IEnumerable<HostileCase> All() =>
    [
        GetRejected("get-empty-name", "empty name", string.Empty),
        GetRejected("get-path-traversal", "name `articles/../../etc/passwd`", "articles/../../etc/passwd"),
        GetRejected("get-nul-in-name", "name with U+0000 (`articles/ab\\0cd`)", "articles/ab\0cd"),
        GetRejected("get-name-1mb", "name of 1,000,000 characters", "articles/" + new string('a', 1_000_000)),
        new("get-unknown", Get, "well-formed name never issued", StatusCode.NotFound, new MissingResource("articles/neverissued0"),
            s => s.IngestionClient.GetArticleAsync(new GetArticleRequest { Name = "articles/neverissued0" }).ResponseAsync),
        new("delete-unknown", Delete, "well-formed name never issued", StatusCode.NotFound, new MissingResource("articles/neverissued1"),
            s => s.IngestionClient.DeleteArticleAsync(new DeleteArticleRequest { Name = "articles/neverissued1" }).ResponseAsync),
        new("delete-other-collection", Delete, "a briefing's name, `briefings/0123456789abcdef`", StatusCode.InvalidArgument, new FieldViolations("name"),
            s => s.IngestionClient.DeleteArticleAsync(new DeleteArticleRequest { Name = "briefings/0123456789abcdef" }).ResponseAsync),
        BatchGetRejected("batch-get-no-names", "no names", [], "names"),
        BatchGetRejected("batch-get-1001-names", "1,001 well-formed names", [.. Enumerable.Range(0, 1_001).Select(i => $"articles/n{i}")], "names"),
        BatchGetRejected("batch-get-nul-in-name", "names `articles/ok` and one with U+0000", ["articles/ok", "articles/ab\0cd"], "names[1]"),
        BatchGetRejected("batch-get-repeated-name", "the same name twice", ["articles/twice", "articles/twice"], "names[1]"),
        new("batch-get-unknown", BatchGet, "a well-formed name never issued", StatusCode.OK, new Succeeds("OK, listed in missing_names"), async s =>
        {
            var response = await s.IngestionClient.BatchGetArticlesAsync(new BatchGetArticlesRequest { Names = { "articles/neverissued2" } });
            Assert.Equal(["articles/neverissued2"], response.MissingNames);
        }),
        new("list-basic-view", List, "view ARTICLE_VIEW_BASIC, page_size 1,000", StatusCode.OK, new Succeeds("OK, no bodies"), async s =>
        {
            var page = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 1_000, View = ArticleView.Basic });
            Assert.NotEmpty(page.Articles);
            Assert.All(page.Articles, a => Assert.True(a.Body.Length == 0 && a.CleanedBody.Length == 0 && a.CleanedSegments.Count == 0));
        }),
        ListRejected("list-page-size-negative", "page_size -1", new() { PageSize = -1 }, "page_size"),
        ListRejected("list-page-size-min-int", "page_size -2,147,483,648", new() { PageSize = int.MinValue }, "page_size"),
        new("list-page-size-billion", List, "page_size 1,000,000,000", StatusCode.OK, new Succeeds("OK, capped at 1,000 per page"), async s =>
        {
            var page = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 1_000_000_000 });
            Assert.InRange(page.Articles.Count, 1, 1_000);
        }),
        ListRejected("list-page-token-garbage", "page_token `%%%not-base64%%%`", new() { PageToken = "%%%not-base64%%%" }, "page_token"),
        ListRejected("list-page-token-forged", "page_token base64url(`p2:` digest `:-5`), a forged negative position", new() { PageToken = Token($"p2:{Unfiltered}:-5") }, "page_token"),
        ListRejected("list-page-token-overflow", "page_token base64url(`p2:` digest `:` + 30 nines), past 64 bits", new() { PageToken = Token($"p2:{Unfiltered}:" + new string('9', 30)) }, "page_token"),
        ListRejected("list-page-token-other-version", "page_token base64url(`p1:1`), the token version before tokens were bound to the filter", new() { PageToken = Token("p1:1") }, "page_token"),
        new("list-page-token-other-filter", List, "the unfiltered list's page token, sent with filter `source = \"x\"`", StatusCode.InvalidArgument, new FieldViolations("page_token"), async s =>
        {
            var first = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 1 });
            Assert.NotEmpty(first.NextPageToken);
            await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { PageSize = 1, PageToken = first.NextPageToken, Filter = "source = \"x\"" });
        }),
        ListRejected("list-filter-unknown-field", "filter `author = \"x\"`", new() { Filter = "author = \"x\"" }, "filter"),
        ListRejected("list-filter-bad-syntax", "filter `source == `", new() { Filter = "source == " }, "filter"),
        ListRejected("list-filter-unterminated-quote", "filter `source = \"abc`", new() { Filter = "source = \"abc" }, "filter"),
        ListRejected("list-filter-or", "filter `source = \"a\" OR 1 = 1`", new() { Filter = "source = \"a\" OR 1 = 1" }, "filter"),
        ListRejected("list-filter-bad-time", "filter `publish_time > \"yesterday\"`", new() { Filter = "publish_time > \"yesterday\"" }, "filter"),
        ListRejected("list-filter-10k-clauses", "filter of 10,000 `source = \"a\"` clauses joined by AND",
            new() { Filter = string.Join(" AND ", Enumerable.Repeat("source = \"a\"", 10_000)) }, "filter"),
        ListRejected("list-filter-nested-quotes", "filter of 100,000 escaped quotes inside one string",
            new() { Filter = "source = \"" + string.Concat(Enumerable.Repeat("\\\"", 100_000)) + "\"" }, "filter"),
        new("list-filter-sql-injection", List, "filter `source = \"x' OR '1'='1\"`", StatusCode.OK, new Succeeds("OK, matched as a literal: no articles"), async s =>
        {
            var page = await s.IngestionClient.ListArticlesAsync(new ListArticlesRequest { Filter = "source = \"x' OR '1'='1\"" });
            Assert.Empty(page.Articles);
        }),
        ListRejected("list-many-problems", "page_size -1, a garbage token and an unknown field at once",
            new() { PageSize = -1, PageToken = "garbage", Filter = "colour = red" }, "page_size", "page_token", "filter"),
        WatchRejected("watch-cursor-garbage", "cursor `abc`", "abc"),
        WatchRejected("watch-cursor-negative", "cursor `-1`", "-1"),
    ];

    private static HostileCase GetRejected(string id, string input, string name) =>
        new(id, Get, input, StatusCode.InvalidArgument, new FieldViolations("name"),
            s => s.IngestionClient.GetArticleAsync(new GetArticleRequest { Name = name }).ResponseAsync);

    private static HostileCase BatchGetRejected(string id, string input, string[] names, string field) =>
        new(id, BatchGet, input, StatusCode.InvalidArgument, new FieldViolations(field),
            s => s.IngestionClient.BatchGetArticlesAsync(new BatchGetArticlesRequest { Names = { names } }).ResponseAsync);

    private static HostileCase ListRejected(string id, string input, ListArticlesRequest request, params string[] fields) =>
        new(id, List, input, StatusCode.InvalidArgument, new FieldViolations(fields),
            s => s.IngestionClient.ListArticlesAsync(request).ResponseAsync);

    private static HostileCase WatchRejected(string id, string input, string cursor) =>
        new(id, Watch, input, StatusCode.InvalidArgument, new FieldViolations("cursor"), async s =>
        {
            using var call = s.IngestionClient.WatchArticles(new WatchArticlesRequest { Cursor = cursor });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

    private static string Unfiltered => PageBinding.Of(("filter", string.Empty)).Digest;

    private static string Token(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
