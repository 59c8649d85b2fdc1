namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// What each well-known caller may call when <c>Auth:Grants:&lt;id&gt;</c> does not say: the
/// service-to-service keys exactly what their callers' <c>Clients/</c> call, the dashboard everything.
/// One table for all three services: a service only ever checks its own methods against it.
/// </summary>
public static class DefaultGrants
{
    private const string Ingestion = "summaries.ingestion.v1.IngestionService";
    private const string Entity = "summaries.entity.v1.EntityService";

    /// <summary>Default grants by key id (or client-certificate name).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ById { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        // The dashboard and operators' grpcurl: every method, DeleteArticle included.
        ["dashboard"] = [MethodGrants.Everything],
        // Summary reads articles, entities and annotations, and has an article annotated on the spot
        // when none is stored yet (Clients/SourceGatherer; Stories/StoryCandidateSource lists articles).
        ["summary"] =
        [
            $"{Ingestion}/GetArticle",
            $"{Ingestion}/BatchGetArticles",
            $"{Ingestion}/ListArticles",
            $"{Entity}/GetEntity",
            $"{Entity}/GetArticleAnnotation",
            $"{Entity}/AnnotateArticle",
        ],
        // Ingestion annotates each stored article (EntityServiceAnnotator), one at a time or in batches.
        ["ingestion"] =
        [
            $"{Entity}/AnnotateArticle",
            $"{Entity}/BatchAnnotateArticles",
        ],
    };
}
