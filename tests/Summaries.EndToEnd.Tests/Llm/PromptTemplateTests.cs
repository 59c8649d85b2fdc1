using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The user prompt is rendered by Semantic Kernel's template engine. An article that carries
/// template syntax of its own reaches the model as the article's text: the fact sheet is a
/// variable's value, never parsed as a template, and not HTML-encoded.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PromptTemplateTests(SystemFixture system) : IDisposable
{
    private const string Title = "Protesters chant \"{{$x}}\" and {{ functions }} in Brussels";

    private const string Body =
        "Finance ministers of the European Union met in Brussels on Tuesday to discuss the budget. " +
        "Protesters outside held a sign that read {{$target_sentences}} and {{time.now}}.\n\n" +
        "“We reached a fair compromise,” said Commissioner Paolo Gentiloni after the meeting.";

    [Fact]
    public async Task CreateBriefing_ArticleWithTemplateSyntax_ReachesModelVerbatim()
    {
        var article = await IngestAsync();
        system.Llm.Behaviour = LlmBehaviour.Valid;
        var before = system.Llm.Requests;

        var briefing = (await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { article.Name }, Options = new BriefingOptions { Refresh = true },
        }, deadline: DateTime.UtcNow.AddSeconds(30))).Briefing;

        Assert.True(system.Llm.Requests > before, "the summary service must have called the LLM");
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        var sentToModel = ScriptedLlmServer.FactSheetTextOf(system.Llm.LastRequestBody!);
        Assert.Contains(Title, sentToModel, StringComparison.Ordinal);
        Assert.Contains("“We reached a fair compromise,”", sentToModel, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", sentToModel, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", sentToModel, StringComparison.Ordinal);
    }

    private async Task<Article> IngestAsync()
    {
        var created = await system.IngestionClient.CreateArticleAsync(new CreateArticleRequest
        {
            Article = new Article { Title = Title, Body = Body, Source = "Test Wire" },
            RequestId = "template-syntax-" + Guid.NewGuid().ToString("N"),
        });
        return await system.AnnotatedAsync(created.Article.Name);
    }

    public void Dispose() => system.Llm.Reset();
}
