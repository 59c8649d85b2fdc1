using System.Text.Json.Nodes;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// Structured output: on an OpenAI-compatible endpoint the request carries the draft's JSON schema
/// as its response format (strict), unless Llm__StructuredOutput is false, when it asks for any
/// JSON object. The tolerant parser reads the answer either way.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StructuredOutputTests(SystemFixture system)
{
    [Fact]
    public async Task CreateBriefing_OpenAiEndpoint_RequestCarriesTheDraftSchema()
    {
        var seed = await system.SeedArticleAsync();
        system.Llm.Behaviour = LlmBehaviour.Valid;
        var before = system.Llm.Requests;

        var briefing = (await system.SummaryClient.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;

        Assert.True(system.Llm.Requests > before, "the summary service must have called the LLM");
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        var format = system.Llm.LastResponseFormat;
        Assert.NotNull(format);
        Assert.Equal("json_schema", (string?)format["type"]);
        var schema = format["json_schema"]!;
        Assert.Equal("briefing_draft", (string?)schema["name"]);
        Assert.True((bool?)schema["strict"]);
        var draft = schema["schema"]!;
        Assert.Equal(["headline", "headline_fact_ids", "sections"], Names(draft["required"]));
        var section = draft["properties"]!["sections"]!["items"]!;
        Assert.Equal(["kind", "party", "sentences"], Names(section["required"]));
        Assert.Equal(["what_happened", "position", "context"], Names(section["properties"]!["kind"]!["enum"]));
        var sentence = section["properties"]!["sentences"]!["items"]!;
        Assert.Equal(["text", "fact_ids", "speaker"], Names(sentence["required"]));
    }

    [Fact]
    public async Task CreateBriefing_StructuredOutputOff_RequestAsksForAnyJsonObject()
    {
        var seed = await system.SeedArticleAsync();
        var dataDir = Directory.CreateTempSubdirectory("summaries-json-object-");
        await using var llm = await ScriptedLlmServer.StartAsync();
        await using var summary = ServiceProcess.Start("Summaries.Summary", FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(dataDir.FullName, "summary.db")}",
            ["Clients__IngestionAddress"] = $"http://127.0.0.1:{system.Ingestion.Port}",
            ["Clients__EntityAddress"] = $"http://127.0.0.1:{system.Entity.Port}",
            ["Llm__Provider"] = "OpenAI",
            ["Llm__Endpoint"] = llm.Endpoint,
            ["Llm__Model"] = "scripted-model",
            ["Llm__ApiKey"] = "test-key",
            ["Llm__TimeoutSeconds"] = "5",
            ["Llm__StructuredOutput"] = "false",
        });
        await summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, TimeSpan.FromSeconds(60));

        var briefing = (await new SummaryService.SummaryServiceClient(summary.Channel).CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name } }, deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;

        Assert.Equal(1, llm.Requests);
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        Assert.Equal("json_object", (string?)llm.LastResponseFormat?["type"]);
        Assert.Null(llm.LastResponseFormat?["json_schema"]);
    }

    private static List<string?> Names(JsonNode? array) => array!.AsArray().Select(n => (string?)n).ToList();
}
