using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The Ollama provider: Ollama's native chat API through Microsoft.Extensions.AI's IChatClient
/// (OllamaSharp), adapted into Semantic Kernel. A second summary process is configured for it.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OllamaProviderTests(SystemFixture system)
{
    [Fact]
    public async Task CreateBriefing_OllamaNativeProvider_ServedAsLlmBriefing()
    {
        var seed = await system.SeedArticleAsync();
        var dataDir = Directory.CreateTempSubdirectory("summaries-ollama-");
        await using var summary = ServiceProcess.Start("Summaries.Summary", FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Summary"] = $"Data Source={Path.Combine(dataDir.FullName, "summary.db")}",
            ["Clients__IngestionAddress"] = $"http://127.0.0.1:{system.Ingestion.Port}",
            ["Clients__EntityAddress"] = $"http://127.0.0.1:{system.Entity.Port}",
            ["Llm__Provider"] = "Ollama",
            ["Llm__Endpoint"] = system.Llm.OllamaEndpoint,
            ["Llm__Model"] = "scripted-model",
            ["Llm__TimeoutSeconds"] = "5",
        });
        await summary.WaitHealthyAsync(SystemFixture.SummaryServiceName, TimeSpan.FromSeconds(60));
        system.Llm.Behaviour = LlmBehaviour.Valid;
        var before = system.Llm.Requests;

        var briefing = (await new SummaryService.SummaryServiceClient(summary.Channel).CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name } }, deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;

        Assert.Equal(before + 1, system.Llm.Requests);
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        Assert.True(briefing.Warnings.Count == 0, string.Join("\n", briefing.Warnings));
        Assert.Contains(briefing.Sections, s => s.Kind == SectionKind.Position);
        Assert.Contains("\"messages\"", system.Llm.LastRequestBody, StringComparison.Ordinal);

        // StreamBriefing reads Ollama's newline-delimited stream through the same adapter.
        system.Llm.ChunkCount = 12;
        var events = await StreamBriefingTests.ReadAsync(new SummaryService.SummaryServiceClient(summary.Channel).StreamBriefing(
            new StreamBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.True(system.Llm.LastRequestStreamed, "StreamBriefing asks Ollama for a streamed answer");
        StreamBriefingTests.AssertWellFormed(events, restarts: 0);
        Assert.Equal(EngineKind.Llm, events[^1].Message.Briefing.Engine.Kind);
        system.Llm.Reset();
    }
}
