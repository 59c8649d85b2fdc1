using Summaries.Ingestion.Articles;
using Proto = Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>Valid example articles; each call with a new <paramref name="n"/> gives a distinct body.</summary>
public static class TestArticles
{
    public static ArticleInput Input(int n = 1, string source = "Test Wire", string language = "en") =>
        new($"Headline {n}", $"Body of article {n}.\n\nSecond paragraph of article {n}.", source, $"https://example.com/{n}", null, language);

    public static CreateArticleCommand Command(int n = 1, string requestId = "") => new(Input(n), requestId);

    public static Proto.Article Proto(int n = 1, string source = "Test Wire") => new()
    {
        Title = $"Headline {n}",
        Body = $"Body of article {n}.\n\nSecond paragraph of article {n}.",
        Source = source,
        Url = $"https://example.com/{n}",
        Language = "en",
    };

    /// <summary>A proto article no other test will produce (its own text, so never deduplicated).</summary>
    public static Proto.Article UniqueProto(string source = "Test Wire")
    {
        var id = Guid.NewGuid().ToString("N");
        return new Proto.Article
        {
            Title = $"Headline {id}",
            Body = $"Body {id}.\n\nSecond paragraph.",
            Source = source,
            Url = $"https://example.com/{id}",
            Language = "en",
        };
    }
}
