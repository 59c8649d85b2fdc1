using System.Diagnostics;
using Grpc.Core;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// StreamBriefing with the LLM: the model answers as server-sent events and each section is
/// verified and sent as soon as the model has finished it; the stream ends with the whole briefing,
/// and a restart says when what was sent is replaced. A summary process of its own, with time for
/// slow streams (the failures are in <see cref="LlmFaultTests"/>).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StreamBriefingTests(SystemFixture system, StreamTestSummary summary) : IClassFixture<StreamTestSummary>, IAsyncLifetime
{
    [Fact]
    public async Task StreamBriefing_ModelStreamsSlowly_FirstSectionArrivesBeforeTheModelFinished()
    {
        // About 3 s of streaming; the first section is complete after a third of it.
        Llm.ChunkCount = 30;
        Llm.ChunkDelay = TimeSpan.FromMilliseconds(100);

        var events = await StreamAsync(LlmBehaviour.Valid);

        Assert.True(Llm.LastRequestStreamed, "the summary service must ask for a streamed answer");
        var firstSection = events.First(e => e.Message.EventCase == StreamBriefingResponse.EventOneofCase.Section);
        var lastChunk = Llm.LastChunkSentAt;
        Assert.True(firstSection.ReceivedAt < lastChunk,
            $"first section received {Stopwatch.GetElapsedTime(firstSection.ReceivedAt, lastChunk).TotalMilliseconds:0} ms before the model's last chunk expected, got it after");
        AssertWellFormed(events, restarts: 0);
        var briefing = events[^1].Message.Briefing;
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        Assert.True(briefing.Warnings.Count == 0, string.Join("\n", briefing.Warnings));
        Assert.Equal(100, briefing.Engine.PromptTokens);
        Assert.Equal(50, briefing.Engine.CompletionTokens);
    }

    [Fact]
    public async Task StreamBriefing_ModelLeavesOutAParty_AddedPositionFollowsWithoutRestart()
    {
        var events = await StreamAsync(LlmBehaviour.OmitsParty);

        var briefing = events[^1].Message.Briefing;
        Assert.True(briefing.Engine.Kind == EngineKind.Llm, string.Join("\n", briefing.Warnings));
        AssertWellFormed(events, restarts: 0);
        Assert.Contains(briefing.Warnings, w => w.Contains("the built-in engine added the position of", StringComparison.Ordinal));
        Assert.All(briefing.Balance.Parties, p => Assert.True(p.BriefingSentences > 0, $"{p.DisplayName} is not heard"));
    }

    [Fact]
    public async Task StreamBriefing_SecondAnswerFixesRejectedSentence_RestartThenTheLlmsSecondAnswer()
    {
        var events = await StreamAsync(LlmBehaviour.PartlyLoaded);

        AssertWellFormed(events, restarts: 1);
        var restart = events.Single(e => e.Message.EventCase == StreamBriefingResponse.EventOneofCase.Restart).Message.Restart;
        Assert.Equal(EngineKind.Llm, restart.Engine);
        Assert.Contains("asked once more to fix 1 sentence", restart.Reason, StringComparison.Ordinal);
        var briefing = events[^1].Message.Briefing;
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        Assert.DoesNotContain(briefing.Sections.SelectMany(s => s.Sentences), s => s.Text.Contains("soaring", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task StreamBriefing_Cached_ReplaysHeadlineAndSections()
    {
        var first = await StreamAsync(LlmBehaviour.Valid);
        var seed = await system.SeedArticleAsync();
        var calls = Llm.Requests;

        var again = await ReadAsync(summary.Client.StreamBriefing(new StreamBriefingRequest { ArticleNames = { seed.Name } }));

        Assert.Equal(calls, Llm.Requests);
        AssertWellFormed(again, restarts: 0);
        Assert.True(again[^1].Message.Briefing.Cached);
        Assert.Equal(first[^1].Message.Briefing.Name, again[^1].Message.Briefing.Name);
    }

    /// <summary>
    /// Headline first; each restart is followed by a headline; the last message is the briefing,
    /// and the headline and sections after the last restart are exactly the briefing's.
    /// </summary>
    private ScriptedLlmServer Llm => summary.Llm;

    internal static void AssertWellFormed(IReadOnlyList<Received> events, int restarts)
    {
        var cases = events.Select(e => e.Message.EventCase).ToList();
        Assert.Equal(StreamBriefingResponse.EventOneofCase.Headline, cases[0]);
        Assert.Equal(StreamBriefingResponse.EventOneofCase.Briefing, cases[^1]);
        Assert.Equal(1, cases.Count(c => c == StreamBriefingResponse.EventOneofCase.Briefing));
        Assert.Equal(restarts, cases.Count(c => c == StreamBriefingResponse.EventOneofCase.Restart));
        for (var i = 0; i < cases.Count - 1; i++)
        {
            if (cases[i] == StreamBriefingResponse.EventOneofCase.Restart)
            {
                Assert.Equal(StreamBriefingResponse.EventOneofCase.Headline, cases[i + 1]);
            }
        }

        var lastRestart = cases.LastIndexOf(StreamBriefingResponse.EventOneofCase.Restart);
        var final = events.Skip(lastRestart + 1).Select(e => e.Message).ToList();
        var briefing = final[^1].Briefing;
        Assert.Equal(briefing.Headline, final[0].Headline);
        Assert.Equal(briefing.Sections, final.Where(m => m.EventCase == StreamBriefingResponse.EventOneofCase.Section).Select(m => m.Section));
        Assert.All(briefing.Sections.SelectMany(s => s.Sentences), s => Assert.NotEmpty(s.Citations));
    }

    internal static async Task<List<Received>> ReadAsync(AsyncServerStreamingCall<StreamBriefingResponse> call)
    {
        using (call)
        {
            var events = new List<Received>();
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                events.Add(new Received(message, Stopwatch.GetTimestamp()));
            }

            return events;
        }
    }

    private async Task<List<Received>> StreamAsync(LlmBehaviour behaviour)
    {
        var seed = await system.SeedArticleAsync();
        Llm.Behaviour = behaviour;
        var before = Llm.Requests;
        var events = await ReadAsync(summary.Client.StreamBriefing(
            new StreamBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.True(Llm.Requests > before, "the summary service must have called the LLM");
        return events;
    }

    public async Task InitializeAsync()
    {
        await summary.StartAsync(system);
        Llm.Reset();
    }

    public Task DisposeAsync()
    {
        Llm.Reset();
        return Task.CompletedTask;
    }

    /// <summary>A message of the stream and when the client had it (Stopwatch timestamp).</summary>
    internal sealed record Received(StreamBriefingResponse Message, long ReceivedAt);
}
