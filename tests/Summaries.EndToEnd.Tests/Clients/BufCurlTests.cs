using System.Text.Json;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Clients;

/// <summary>
/// An independent client, `buf curl` (npm @bufbuild/buf), calls the running services through
/// server reflection only, as the dashboard's grpcurl does.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class BufCurlTests(SystemFixture system)
{
    [SkippableFact]
    public async Task BufCurl_ListArticlesViaReflection_ReturnsTheSeed()
    {
        await system.SeedArticleAsync();
        var json = await CurlAsync(system.Ingestion.Port, "summaries.ingestion.v1.IngestionService/ListArticles", """{"pageSize": 10}""");

        var articles = json.RootElement.GetProperty("articles");
        Assert.Contains(articles.EnumerateArray(), a => a.GetProperty("body").GetString()!.Contains("Blinken", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task BufCurl_BatchItemFailedViaReflection_PrintsItsStatusDetails()
    {
        // The item's google.rpc.Status packs ErrorInfo and BadRequest in Any: reflection must serve
        // error_details.proto, or a client cannot print the response at all.
        var json = await CurlAsync(system.Ingestion.Port, "summaries.ingestion.v1.IngestionService/BatchCreateArticles",
            """{"article": {"title": "Empty", "body": ""}, "requestId": "bufcurl-empty-1"}""");

        var status = json.RootElement.GetProperty("results")[0].GetProperty("status");
        Assert.Equal(3, status.GetProperty("code").GetInt32());
        var types = status.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("@type").GetString()).ToList();
        Assert.Equal(["type.googleapis.com/google.rpc.ErrorInfo", "type.googleapis.com/google.rpc.BadRequest"], types);
    }

    [SkippableFact]
    public async Task BufCurl_AnnotateTextViaReflection_FindsPeopleAndQuotes()
    {
        var json = await CurlAsync(system.Entity.Port, "summaries.entity.v1.EntityService/AnnotateText",
            """{"text": "President Joe Biden met Chinese President Xi Jinping in Bali. “We had a good talk,” Mr Biden said."}""");

        var annotation = json.RootElement.GetProperty("annotation");
        var names = annotation.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("displayName").GetString()).ToList();
        Assert.Contains("Joe Biden", names);
        Assert.Contains("Xi Jinping", names);
        Assert.NotEmpty(annotation.GetProperty("quotes").EnumerateArray());
    }

    [SkippableFact]
    public async Task BufCurl_CreateBriefingViaReflection_ReturnsCitedBriefing()
    {
        var seed = await system.SeedArticleAsync();
        var json = await CurlAsync(system.Summary.Port, "summaries.summary.v1.SummaryService/CreateBriefing",
            $$$"""{"articleNames": ["{{{seed.Name}}}"], "options": {"engine": "ENGINE_PREFERENCE_BUILTIN"}}""");

        var briefing = json.RootElement.GetProperty("briefing");
        Assert.Equal("ENGINE_KIND_BUILTIN", briefing.GetProperty("engine").GetProperty("kind").GetString());
        Assert.All(
            briefing.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("sentences").EnumerateArray()),
            s => Assert.NotEmpty(s.GetProperty("citations").EnumerateArray()));
    }

    [SkippableFact]
    public async Task BufCurl_HealthCheckViaReflection_ServingForEachService()
    {
        foreach (var (port, name) in new[]
        {
            (system.Ingestion.Port, SystemFixture.IngestionServiceName),
            (system.Entity.Port, SystemFixture.EntityServiceName),
            (system.Summary.Port, SystemFixture.SummaryServiceName),
        })
        {
            var json = await CurlAsync(port, "grpc.health.v1.Health/Check", $$"""{"service": "{{name}}"}""");
            Assert.Equal("SERVING", json.RootElement.GetProperty("status").GetString());
        }
    }

    private static async Task<JsonDocument> CurlAsync(int port, string method, string body)
    {
        var buf = ExternalTools.Require(ExternalTools.Buf, "buf", "run `npm ci` at the repository root");
        var result = await CommandRunner.RunAsync(buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", $"http://127.0.0.1:{port}/{method}", "-d", body]);
        Assert.True(result.ExitCode == 0, $"buf curl failed ({result.ExitCode}): {result.Stderr}");
        return JsonDocument.Parse(result.Stdout);
    }
}
