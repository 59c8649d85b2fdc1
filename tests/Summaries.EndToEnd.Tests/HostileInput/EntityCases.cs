using Grpc.Core;
using Summaries.Contracts.Entity.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>Hostile texts, names, page sizes, tokens and filters for the entity service.</summary>
public static class EntityCases
{
    private const string AnnotateText = "EntityService.AnnotateText";
    private const string AnnotateArticle = "EntityService.AnnotateArticle";
    private const string BatchAnnotate = "EntityService.BatchAnnotateArticles";
    private const string GetAnnotation = "EntityService.GetArticleAnnotation";
    private const string GetEntity = "EntityService.GetEntity";
    private const string List = "EntityService.ListEntities";

    public static IEnumerable<HostileCase> All() =>
    [
        TextRejected("annotate-empty-text", "empty text", string.Empty),
        TextRejected("annotate-whitespace-text", "text of whitespace only", "\n\t \u00A0\u2028 "),
        TextRejected("annotate-text-over-limit", "text of 1,000,001 characters", new string('e', 1_000_001)),
        TextRejected("annotate-text-10mb", "text of 10,485,760 characters", new string('e', 10 * 1024 * 1024)),
        new("annotate-text-17mb", AnnotateText, "17 MB text: a message over the 16 MB receive limit", StatusCode.ResourceExhausted,
            new TransportStatus("exceeds the maximum configured message size", "gRPC receive limit"),
            s => s.EntityClient.AnnotateTextAsync(new AnnotateTextRequest { Text = new string('e', 17 * 1024 * 1024) }).ResponseAsync),
        TextAnnotated("annotate-single-token-1mb", "one 1,000,000-character token", new string('z', 1_000_000),
            a => Assert.Empty(a.Mentions)),
        TextAnnotated("annotate-100k-sentences", "100,000 sentences naming a person (900 KB)", string.Concat(Enumerable.Repeat("Ana ran. ", 100_000)),
            a => Assert.Equal(100_000, a.Sentences.Count)),
        TextAnnotated("annotate-nested-quotes", "50,000 opening then 50,000 closing quotation marks", new string('“', 50_000) + "said Ana Ruiz" + new string('”', 50_000),
            a => Assert.Single(a.Mentions)),
        TextAnnotated("annotate-repeated-quotes", "50,000 quoted words in a row (`\"a\" \"a\" …`)", string.Concat(Enumerable.Repeat("\"a\" ", 50_000)),
            a => Assert.Empty(a.Mentions)),
        TextAnnotated("annotate-control-chars", "NUL, BEL, ESC and DEL around a name", "\0\u0007Ana Ruiz\u001B[31m said on Monday\u007F that talks went well.",
            a => Assert.All(a.Mentions, m => Assert.DoesNotContain('\0', m.Text))),
        TextAnnotated("annotate-bidi-override", "a name wrapped in U+202E … U+202C", "Officials said \u202EAna Ruiz\u202C met Xi Jinping in Beijing.",
            a => Assert.Contains(a.Mentions, m => m.Text.Contains("Xi Jinping", StringComparison.Ordinal))),
        TextAnnotated("annotate-html-script", "HTML and `<script>` around a sentence", "<p onclick=\"x()\">Ana Ruiz met Xi Jinping in Beijing.</p><script>alert(1)</script>",
            a => Assert.Contains(a.Mentions, m => m.Text == "Xi Jinping")),
        new("annotate-article-bad-name", AnnotateArticle, "article_name `../articles/x` with a valid text", StatusCode.InvalidArgument, new FieldViolations("article_name"),
            s => s.EntityClient.AnnotateArticleAsync(new AnnotateArticleRequest { ArticleName = "../articles/x", Text = "Ana Ruiz spoke." }).ResponseAsync),
        new("annotate-article-both-bad", AnnotateArticle, "empty article_name and empty text", StatusCode.InvalidArgument, new FieldViolations("article_name", "text"),
            s => s.EntityClient.AnnotateArticleAsync(new AnnotateArticleRequest()).ResponseAsync),
        new("batch-annotate-over-limit", BatchAnnotate, "101 articles in one call", StatusCode.InvalidArgument, new FieldViolations("requests"),
            s => s.EntityClient.BatchAnnotateArticlesAsync(new BatchAnnotateArticlesRequest
            {
                Requests = { Enumerable.Range(0, 101).Select(i => new AnnotateArticleRequest { ArticleName = $"articles/over{i}", Text = "Ana Ruiz spoke." }) },
            }).ResponseAsync),
        new("batch-annotate-bad-item", BatchAnnotate, "an article named `../x` with an empty text beside a valid one", StatusCode.OK,
            new Succeeds("OK: the bad article's result is INVALID_ARGUMENT on `article_name` and `text`, the other is annotated"), async s =>
            {
                var response = await s.EntityClient.BatchAnnotateArticlesAsync(new BatchAnnotateArticlesRequest
                {
                    Requests =
                    {
                        new AnnotateArticleRequest { ArticleName = "../x" },
                        new AnnotateArticleRequest { ArticleName = "articles/batchok", Text = "Ana Ruiz met Xi Jinping in Beijing." },
                    },
                });
                ItemStatuses.AssertInvalid(response.Results[0].Status, "article_name", "text");
                Assert.Null(response.Results[1].Status);
                Assert.True(response.Results[1].EntityCount >= 1);
            }),
        new("get-annotation-unknown", GetAnnotation, "a well-formed article never annotated", StatusCode.NotFound, new MissingResource("articles/neverannotated/annotation"),
            s => s.EntityClient.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/neverannotated" }).ResponseAsync),
        new("get-annotation-bad-name", GetAnnotation, "article_name `articles/` (no id)", StatusCode.InvalidArgument, new FieldViolations("article_name"),
            s => s.EntityClient.GetArticleAnnotationAsync(new GetArticleAnnotationRequest { ArticleName = "articles/" }).ResponseAsync),
        EntityRejected("get-entity-empty", "empty name", string.Empty),
        EntityRejected("get-entity-traversal", "name `entities/../../etc`", "entities/../../etc"),
        EntityRejected("get-entity-uppercase-unicode", "name `entities/PERSON-Xí`", "entities/PERSON-Xí"),
        new("get-entity-unknown", GetEntity, "a well-formed entity never seen", StatusCode.NotFound, new MissingResource("entities/person-nobody-at-all"),
            s => s.EntityClient.GetEntityAsync(new GetEntityRequest { Name = "entities/person-nobody-at-all" }).ResponseAsync),
        ListRejected("entities-page-size-negative", "page_size -1", new() { PageSize = -1 }, "page_size"),
        new("entities-page-size-billion", List, "page_size 1,000,000,000", StatusCode.OK, new Succeeds("OK, capped at 1,000 per page"), async s =>
        {
            var page = await s.EntityClient.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1_000_000_000 });
            Assert.InRange(page.Entities.Count, 1, 1_000);
        }),
        ListRejected("entities-page-token-garbage", "page_token `💥`", new() { PageToken = "💥" }, "page_token"),
        ListRejected("entities-filter-unknown-field", "filter `colour = \"red\"`", new() { Filter = "colour = \"red\"" }, "filter"),
        ListRejected("entities-filter-unknown-type", "filter `type = DRAGON`", new() { Filter = "type = DRAGON" }, "filter"),
        ListRejected("entities-filter-injection", "filter `type = PERSON OR 1=1`", new() { Filter = "type = PERSON OR 1=1" }, "filter"),
        ListRejected("entities-filter-huge", "filter of 100,000 `type = PERSON` clauses", new() { Filter = string.Join(" AND ", Enumerable.Repeat("type = PERSON", 100_000)) }, "filter"),
        ListRejected("entities-many-problems", "page_size -1, a garbage token and an unknown field at once",
            new() { PageSize = -1, PageToken = "garbage", Filter = "colour = red" }, "page_size", "page_token", "filter"),
    ];

    private static HostileCase TextRejected(string id, string input, string text) =>
        new(id, AnnotateText, input, StatusCode.InvalidArgument, new FieldViolations("text"),
            s => s.EntityClient.AnnotateTextAsync(new AnnotateTextRequest { Text = text }).ResponseAsync);

    /// <summary>OK within 20 s, every offset inside the text, plus the case's own check.</summary>
    private static HostileCase TextAnnotated(string id, string input, string text, Action<Annotation> check) =>
        new(id, AnnotateText, input, StatusCode.OK, new Succeeds("annotated within 20 s; every offset inside the text"), async s =>
        {
            var annotation = (await s.EntityClient.AnnotateTextAsync(
                new AnnotateTextRequest { Text = text }, deadline: DateTime.UtcNow.AddSeconds(20))).Annotation;
            Assert.All(annotation.Sentences, x => Assert.InRange(x.End, x.Start, text.Length));
            Assert.All(annotation.Mentions, x => Assert.InRange(x.End, x.Start, text.Length));
            Assert.All(annotation.Quotes, x => Assert.InRange(x.End, x.Start, text.Length));
            check(annotation);
        });

    private static HostileCase EntityRejected(string id, string input, string name) =>
        new(id, GetEntity, input, StatusCode.InvalidArgument, new FieldViolations("name"),
            s => s.EntityClient.GetEntityAsync(new GetEntityRequest { Name = name }).ResponseAsync);

    private static HostileCase ListRejected(string id, string input, ListEntitiesRequest request, params string[] fields) =>
        new(id, List, input, StatusCode.InvalidArgument, new FieldViolations(fields),
            s => s.EntityClient.ListEntitiesAsync(request).ResponseAsync);
}
