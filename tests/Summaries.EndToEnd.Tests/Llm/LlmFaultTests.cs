using System.Diagnostics;
using Grpc.Core;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;
using static Summaries.EndToEnd.Tests.Llm.StreamBriefingTests;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The LLM failing in every way it can, over real HTTP, against a summary process with an LLM
/// timeout of 5 s and one retry. The documented behaviour: a 429 or 5xx is retried once after
/// Retry-After; any failure ends in the built-in engine's briefing with a warning saying why,
/// well within a bound (never a hung call); a stream that breaks off after sections were sent
/// is followed by a restart and the built-in engine's sections; a client deadline shorter than
/// the LLM timeout ends the call with DEADLINE_EXCEEDED and cancels the LLM request.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LlmFaultTests(SystemFixture system, FaultTestSummary summary) : IClassFixture<FaultTestSummary>, IAsyncLifetime
{
    /// <summary>Longest any faulty call may take: the LLM timeout, a Retry-After, and room for a busy machine.</summary>
    private TimeSpan Bound => TimeSpan.FromSeconds(summary.LlmTimeoutSeconds + 5);

    private ScriptedLlmServer Llm => summary.Llm;

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

    [Fact]
    public async Task CreateBriefing_429ThenAnswer_RetriedAfterRetryAfterAndServedAsLlm()
    {
        Llm.Enqueue(LlmBehaviour.TooManyRequests);

        var (briefing, elapsed, requests) = await CreateAsync();

        Assert.Equal(2, requests.Count);
        var wait = Stopwatch.GetElapsedTime(requests[0], requests[1]);
        Assert.True(wait >= TimeSpan.FromSeconds(0.9), $"retried after {wait.TotalMilliseconds:0} ms; Retry-After asked for 1 s");
        Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
        Assert.True(briefing.Warnings.Count == 0, string.Join("\n", briefing.Warnings));
        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Theory]
    [InlineData(LlmBehaviour.TooManyRequests, "LLM unavailable (HTTP 429); built-in engine used", 2)]
    [InlineData(LlmBehaviour.ServerError, "LLM unavailable (HTTP 500); built-in engine used", 2)]
    [InlineData(LlmBehaviour.Garbage, "LLM output invalid (not JSON: ", 1)]
    [InlineData(LlmBehaviour.Truncated, "LLM output invalid (not JSON: ", 1)]
    [InlineData(LlmBehaviour.Ungrounded, "LLM output failed verification (", 2)]
    [InlineData(LlmBehaviour.Hang, "LLM unavailable (no answer within 5 s); built-in engine used", 1)]
    public async Task CreateBriefing_LlmFails_BuiltInAnswersWithWarningWithinBound(LlmBehaviour behaviour, string warning, int requests)
    {
        Llm.Behaviour = behaviour;

        var (briefing, elapsed, times) = await CreateAsync();

        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        Assert.Contains(briefing.Warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
        Assert.NotEmpty(briefing.Sections);
        Assert.Equal(requests, times.Count);
        if (behaviour == LlmBehaviour.TooManyRequests)
        {
            Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromSeconds(0.9), "the retry must wait for Retry-After");
        }

        Assert.True(elapsed < Bound, $"took {elapsed}; bound {Bound}");
    }

    [Theory]
    [InlineData(LlmBehaviour.Truncated, "LLM stream interrupted (the stream ended before the answer was complete); built-in engine used")]
    [InlineData(LlmBehaviour.ConnectionDropped, "LLM stream interrupted (connection lost: ")]
    [InlineData(LlmBehaviour.GarbledMidStream, "LLM output invalid (not JSON: ")]
    [InlineData(LlmBehaviour.StallsMidStream, "LLM answer not complete within 5 s; built-in engine used")]
    public async Task StreamBriefing_StreamBreaksOffAfterSections_RestartThenBuiltInSections(LlmBehaviour behaviour, string warning)
    {
        Llm.Behaviour = behaviour;
        Llm.ChunkDelay = TimeSpan.FromMilliseconds(30);

        var (events, elapsed) = await StreamAsync(DateTime.UtcNow.AddSeconds(30));

        AssertWellFormed(events, restarts: 1);
        var cases = events.Select(e => e.Message.EventCase).ToList();
        var restartAt = cases.IndexOf(StreamBriefingResponse.EventOneofCase.Restart);
        Assert.Contains(StreamBriefingResponse.EventOneofCase.Section, cases.Take(restartAt));
        var restart = events[restartAt].Message.Restart;
        Assert.Equal(EngineKind.Builtin, restart.Engine);
        Assert.StartsWith(warning, restart.Reason, StringComparison.Ordinal);
        var briefing = events[^1].Message.Briefing;
        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        Assert.Contains(restart.Reason, briefing.Warnings);
        Assert.True(elapsed < Bound, $"took {elapsed}; bound {Bound}");
    }

    [Theory]
    [InlineData(LlmBehaviour.TooManyRequests, "LLM unavailable (HTTP 429); built-in engine used")]
    [InlineData(LlmBehaviour.ServerError, "LLM unavailable (HTTP 500); built-in engine used")]
    [InlineData(LlmBehaviour.Garbage, "LLM output invalid (not JSON: ")]
    [InlineData(LlmBehaviour.Hang, "LLM unavailable (no answer within 5 s); built-in engine used")]
    public async Task StreamBriefing_LlmFailsBeforeAnySection_BuiltInStreamsWithoutRestart(LlmBehaviour behaviour, string warning)
    {
        Llm.Behaviour = behaviour;

        var (events, elapsed) = await StreamAsync(DateTime.UtcNow.AddSeconds(30));

        AssertWellFormed(events, restarts: 0);
        var briefing = events[^1].Message.Briefing;
        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        Assert.Contains(briefing.Warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
        Assert.True(elapsed < Bound, $"took {elapsed}; bound {Bound}");
    }

    [Fact]
    public async Task CreateBriefing_ClientDeadlineShorterThanLlmTimeout_DeadlineExceededAndLlmRequestCancelled()
    {
        Llm.Behaviour = LlmBehaviour.Hang;
        var seed = await system.SeedArticleAsync();
        var aborted = Llm.Aborted;
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<RpcException>(() => summary.Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4), $"took {Stopwatch.GetElapsedTime(started)}");
        // The server gives up on the model too, before its own 5 s LLM timeout would have.
        await WaitForAsync(() => Llm.Aborted > aborted, TimeSpan.FromSeconds(4.8) - Stopwatch.GetElapsedTime(started));
    }

    [Fact]
    public async Task StreamBriefing_ClientDeadlineWhileModelStalls_SectionsThenDeadlineExceeded()
    {
        Llm.Behaviour = LlmBehaviour.StallsMidStream;
        Llm.ChunkDelay = TimeSpan.FromMilliseconds(30);
        var seed = await system.SeedArticleAsync();
        var received = new List<StreamBriefingResponse>();
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = summary.Client.StreamBriefing(
                new StreamBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
                deadline: DateTime.UtcNow.AddSeconds(1.5));
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                received.Add(message);
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4.5), $"took {Stopwatch.GetElapsedTime(started)}");
        Assert.Equal(StreamBriefingResponse.EventOneofCase.Headline, received[0].EventCase);
        Assert.Contains(received, m => m.EventCase == StreamBriefingResponse.EventOneofCase.Section);
        Assert.DoesNotContain(received, m => m.EventCase is StreamBriefingResponse.EventOneofCase.Briefing or StreamBriefingResponse.EventOneofCase.Restart);
    }

    private async Task<(Briefing Briefing, TimeSpan Elapsed, IReadOnlyList<long> RequestTimes)> CreateAsync()
    {
        var seed = await system.SeedArticleAsync();
        var before = Llm.RequestTimes.Count;
        var started = Stopwatch.GetTimestamp();
        var response = await summary.Client.CreateBriefingAsync(
            new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: DateTime.UtcNow.AddSeconds(30));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.False(Llm.LastRequestStreamed, "CreateBriefing asks for the whole answer at once");
        return (response.Briefing, elapsed, Llm.RequestTimes.Skip(before).ToList());
    }

    private async Task<(List<Received> Events, TimeSpan Elapsed)> StreamAsync(DateTime deadline)
    {
        var seed = await system.SeedArticleAsync();
        var started = Stopwatch.GetTimestamp();
        var events = await ReadAsync(summary.Client.StreamBriefing(
            new StreamBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } },
            deadline: deadline));
        return (events, Stopwatch.GetElapsedTime(started));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within)
    {
        var until = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < until, $"not within {within}");
            await Task.Delay(20);
        }
    }
}
