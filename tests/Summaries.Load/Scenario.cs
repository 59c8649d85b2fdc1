using System.Text;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.Load;

/// <summary>The clients a scenario calls, on the real services or on the echo, and the example article.</summary>
public sealed record Targets(
    IngestionService.IngestionServiceClient Ingestion,
    EntityService.EntityServiceClient Entity,
    SummaryService.SummaryServiceClient Summary,
    string SeedArticleName,
    string SeedText);

/// <summary>
/// One kind of call: <c>ingest</c> (CreateArticle with a unique seed-sized article, committed and
/// queued for annotation), <c>annotate</c> (AnnotateText of the example article), <c>briefing</c>
/// (CreateBriefing of the example article by the built-in engine, cache bypassed with <c>refresh</c>).
/// </summary>
public sealed record Scenario(string Name, string Service, Func<Targets, long, CancellationToken, Task> Call)
{
    public static readonly IReadOnlyList<string> Names = ["ingest", "annotate", "briefing"];

    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    public static Scenario Get(string name) => name switch
    {
        "ingest" => new(name, "ingestion", Ingest),
        "annotate" => new(name, "entity", (t, _, ct) => t.Entity.AnnotateTextAsync(new AnnotateTextRequest { Text = t.SeedText }, cancellationToken: ct).ResponseAsync),
        "briefing" => new(name, "summary", Brief),
        _ => throw new ArgumentException($"unknown scenario '{name}'"),
    };

    private static Task Ingest(Targets targets, long sequence, CancellationToken cancellationToken) =>
        targets.Ingestion.CreateArticleAsync(
            new CreateArticleRequest
            {
                RequestId = $"load-{RunId}-{sequence}",
                Article = new Article
                {
                    Title = $"Load article {RunId} {sequence}",
                    Body = Shuffled(targets.SeedText, sequence),
                    Source = "Load Wire",
                    Url = $"https://example.com/load/{RunId}/{sequence}",
                    Language = "en",
                },
            },
            cancellationToken: cancellationToken).ResponseAsync;

    private static Task Brief(Targets targets, long sequence, CancellationToken cancellationToken)
    {
        var request = new CreateBriefingRequest
        {
            Options = new BriefingOptions { Length = BriefingLength.Short, Engine = EnginePreference.Builtin, Refresh = true },
        };
        request.ArticleNames.Add(targets.SeedArticleName);
        return targets.Summary.CreateBriefingAsync(request, cancellationToken: cancellationToken).ResponseAsync;
    }

    /// <summary>The example article with each paragraph's words shuffled: its size, but unique, so no duplicate detection short-cuts the work.</summary>
    public static string Shuffled(string text, long sequence)
    {
        var random = new Random(unchecked((int)(sequence * 2_654_435_761L)) ^ RunId.GetHashCode(StringComparison.Ordinal));
        var body = new StringBuilder(text.Length + 16);
        foreach (var paragraph in text.Split("\n\n"))
        {
            var words = paragraph.Split(' ');
            random.Shuffle(words);
            body.AppendJoin(' ', words).Append("\n\n");
        }

        return body.ToString();
    }
}
