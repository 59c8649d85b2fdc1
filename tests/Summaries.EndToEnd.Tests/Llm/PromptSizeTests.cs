using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>The fact sheet keeps the prompt small: measured on the request the model actually received.</summary>
[Collection(SystemCollection.Name)]
public sealed class PromptSizeTests(SystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task CreateBriefing_Seed_FactSheetAtMostHalfTheArticleTokens()
    {
        var seed = await system.SeedArticleAsync();
        system.Llm.Behaviour = LlmBehaviour.Valid;
        await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true },
        });

        var tokenizer = TiktokenTokenizer.CreateForEncoding("o200k_base");
        var messages = JsonNode.Parse(system.Llm.LastRequestBody!)!["messages"]!.AsArray();
        var system_ = (string)messages.First(m => (string?)m!["role"] == "system")!["content"]!;
        var user = (string)messages.First(m => (string?)m!["role"] == "user")!["content"]!;
        var sheet = ScriptedLlmServer.FactSheetTextOf(system.Llm.LastRequestBody!);
        var articleTokens = tokenizer.CountTokens(seed.Body);
        var sheetTokens = tokenizer.CountTokens(sheet);
        var instructionTokens = tokenizer.CountTokens(system_) + tokenizer.CountTokens(user) - sheetTokens;
        output.WriteLine($"article={articleTokens} fact_sheet={sheetTokens} ({100.0 * sheetTokens / articleTokens:0.0}%) instructions={instructionTokens}");

        Assert.True(sheetTokens <= articleTokens / 2, $"fact sheet {sheetTokens} tokens > half of the article's {articleTokens}");
        Assert.True(instructionTokens <= 700, $"instructions grew to {instructionTokens} tokens (budget 700)");
    }
}
