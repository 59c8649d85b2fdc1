using Summaries.Summary.Briefings;
using Summaries.Summary.Facts;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Briefings;

/// <summary>Reconciling what a streaming client was sent with the final briefing.</summary>
public sealed class BriefingProgressTests
{
    private static readonly DraftSection Happened = Section(DraftSectionKind.WhatHappened, "Ministers met in Geneva on Tuesday.", "a1.s0");
    private static readonly DraftSection Context = Section(DraftSectionKind.Context, "The two countries have disputed the border for 30 years.", "a1.s4");
    private static readonly DraftSection Other = Section(DraftSectionKind.WhatHappened, "Foreign ministers met in Geneva.", "a1.s0");

    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document()]);
    private readonly Recorder _client = new();

    [Fact]
    public async Task Settle_NothingSentYet_HeadlineAndEverySection()
    {
        var progress = new BriefingProgress(_client, _sheet);

        await progress.SettleAsync(Draft("Talks", Happened, Context), WriterKind.Builtin, "why", default);

        Assert.Equal(["headline Talks", "section What happened", "section Context"], _client.Events);
    }

    [Fact]
    public async Task Settle_SentPartStillStands_OnlyTheRest()
    {
        var progress = new BriefingProgress(_client, _sheet);
        await progress.SendHeadlineAsync("Talks", default);
        await progress.SendSectionAsync(Happened, default);

        await progress.SettleAsync(Draft("Talks", Happened, Context), WriterKind.Llm, "why", default);

        Assert.Equal(["headline Talks", "section What happened", "section Context"], _client.Events);
    }

    [Theory]
    [InlineData("Other headline")]
    [InlineData("Talks")]
    public async Task Settle_SentPartReplaced_RestartThenEverything(string finalHeadline)
    {
        var progress = new BriefingProgress(_client, _sheet);
        await progress.SendHeadlineAsync("Talks", default);
        await progress.SendSectionAsync(Happened, default);

        await progress.SettleAsync(Draft(finalHeadline, Other, Context), WriterKind.Builtin, "LLM failed", default);

        Assert.Equal(
            ["headline Talks", "section What happened", "restart Builtin LLM failed", $"headline {finalHeadline}", "section What happened", "section Context"],
            _client.Events);
    }

    [Fact]
    public async Task Send_WithoutStream_NothingKept()
    {
        var progress = new BriefingProgress(null, _sheet);

        await progress.SendHeadlineAsync("Talks", default);
        await progress.SettleAsync(Draft("Talks", Happened), WriterKind.Builtin, "why", default);

        Assert.False(progress.HasSent);
    }

    private static DraftSection Section(DraftSectionKind kind, string text, string factId) =>
        new(kind, kind == DraftSectionKind.Context ? "Context" : "What happened", null, [new DraftSentence(text, [factId], null)]);

    private static BriefingDraft Draft(string headline, params DraftSection[] sections) => new(headline, ["a1.s0"], sections);

    /// <summary>The client's side of the stream, as a list of what arrived.</summary>
    private sealed class Recorder : IBriefingStream
    {
        public List<string> Events { get; } = [];

        public Task HeadlineAsync(string headline, CancellationToken cancellationToken) => Record("headline " + headline);

        public Task SectionAsync(BriefingSection section, CancellationToken cancellationToken) => Record("section " + section.Title);

        public Task RestartAsync(string reason, WriterKind engine, CancellationToken cancellationToken) => Record($"restart {engine} {reason}");

        private Task Record(string e)
        {
            Events.Add(e);
            return Task.CompletedTask;
        }
    }
}
