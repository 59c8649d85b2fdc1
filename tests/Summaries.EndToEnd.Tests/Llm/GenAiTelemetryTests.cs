using System.Diagnostics;
using Grpc.Core;
using OpenTelemetry.Metrics;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;
using Summaries.Summary.Llm;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The LLM calls' GenAI telemetry as exported (OpenTelemetry in-memory exporter), written by the
/// chat client's own instrumentation: a <c>chat {model}</c> client span per call inside the
/// briefing's trace, and the <c>gen_ai.client.token.usage</c> and
/// <c>gen_ai.client.operation.duration</c> histograms, for whole and streamed answers and for a
/// failed call. The token counts are the scripted server's (100 in, 50 out per answer).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class GenAiTelemetryTests(SystemFixture system) : IAsyncLifetime
{
    private const string Model = "scripted-model";

    private ScriptedLlmServer _llm = null!;
    private InProcessSummary _summary = null!;

    public async Task InitializeAsync()
    {
        _llm = await ScriptedLlmServer.StartAsync();
        _summary = new InProcessSummary(system, _llm, new Dictionary<string, string>
        {
            ["Llm:TimeoutSeconds"] = "20",
            ["Llm:MaxRetries"] = "0",
            ["Llm:CircuitBreakerMinimumThroughput"] = "1000",
        });
    }

    [Fact]
    public async Task CreateBriefing_LlmAnswers_ChatSpanInTheBriefingsTraceAndTokenMetrics()
    {
        var seed = await system.SeedArticleAsync();

        var briefing = (await _summary.Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(60))).Briefing;

        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        var calls = _llm.Requests;
        Assert.True(calls >= 1, "the LLM must have been called");
        var spans = _summary.FlushSpans();
        var chats = ChatSpans(spans);
        Assert.Equal(calls, chats.Count);
        Assert.All(chats, chat =>
        {
            Assert.Equal(ActivityKind.Client, chat.Kind);
            Assert.Equal("chat", chat.GetTagItem("gen_ai.operation.name"));
            Assert.Equal(Model, chat.GetTagItem("gen_ai.request.model"));
            Assert.Equal(100, Convert.ToInt32(chat.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(50, Convert.ToInt32(chat.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotEqual(ActivityStatusCode.Error, chat.Status);
            // Part of the CreateBriefing call's trace, not a trace of its own.
            Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.TraceId == chat.TraceId);
            // No prompt or answer text in the span: article text stays out of telemetry.
            Assert.DoesNotContain(chat.TagObjects, t => t.Value is string text && text.Contains("fact_sheet", StringComparison.Ordinal));
        });

        AssertTokenMetrics(calls);
    }

    [Fact]
    public async Task StreamBriefing_LlmStreams_UsageFromTheStreamsLastChunkRecorded()
    {
        var seed = await system.SeedArticleAsync();

        using var call = _summary.Client.StreamBriefing(
            new StreamBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(60));
        Briefing? briefing = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            briefing = message.Briefing ?? briefing;
        }

        Assert.Equal(EngineKind.Llm, briefing?.Engine.Kind);
        Assert.True(_llm.LastRequestStreamed, "the briefing must have been streamed from the LLM");
        var calls = _llm.Requests;
        var chats = ChatSpans(_summary.FlushSpans());
        Assert.Equal(calls, chats.Count);
        Assert.Contains(chats, c => Equals(c.GetTagItem("gen_ai.usage.output_tokens")?.ToString(), "50"));
        AssertTokenMetrics(calls);
    }

    [Fact]
    public async Task CreateBriefing_LlmFails_ErrorSpanAndDurationWithErrorType()
    {
        var seed = await system.SeedArticleAsync();
        _llm.Behaviour = LlmBehaviour.ServerError;

        var briefing = (await _summary.Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(60))).Briefing;

        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        var chat = Assert.Single(ChatSpans(_summary.FlushSpans()));
        Assert.Equal(ActivityStatusCode.Error, chat.Status);
        var errorType = Assert.IsType<string>(chat.GetTagItem("error.type"));
        var metrics = _summary.FlushMetrics();
        var failed = Assert.Single(InProcessSummary.Points(metrics, "gen_ai.client.operation.duration", ("error.type", errorType)));
        Assert.Equal(1, failed.GetHistogramCount());
        Assert.Empty(InProcessSummary.Points(metrics, "gen_ai.client.token.usage"));
    }

    /// <summary>The chat client's spans (the briefing's own and the HTTP client's are left out).</summary>
    private static List<Activity> ChatSpans(IReadOnlyList<Activity> spans) =>
        spans.Where(s => s.Source.Name == KernelFactory.GenAiSourceName && s.DisplayName == $"chat {Model}").ToList();

    /// <summary>One duration per call, and the scripted 100 input and 50 output tokens per call.</summary>
    private void AssertTokenMetrics(int calls)
    {
        var metrics = _summary.FlushMetrics();
        var model = ("gen_ai.request.model", Model);
        var durations = InProcessSummary.Points(metrics, "gen_ai.client.operation.duration", model, ("gen_ai.operation.name", "chat")).ToList();
        Assert.Equal(calls, durations.Sum(p => p.GetHistogramCount()));
        Assert.All(durations, p => Assert.True(p.GetHistogramSum() > 0, "a call takes time"));
        Assert.Equal(100.0 * calls, HistogramSum(metrics, "gen_ai.client.token.usage", model, ("gen_ai.token.type", "input")));
        Assert.Equal(50.0 * calls, HistogramSum(metrics, "gen_ai.client.token.usage", model, ("gen_ai.token.type", "output")));
    }

    private static double HistogramSum(Dictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        InProcessSummary.Points(metrics, name, tags).Sum(p => p.GetHistogramSum());

    public async Task DisposeAsync()
    {
        await _summary.DisposeAsync();
        await _llm.DisposeAsync();
    }
}
