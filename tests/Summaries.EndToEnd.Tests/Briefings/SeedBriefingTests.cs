using System.Text.RegularExpressions;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Briefings;

/// <summary>The walking skeleton's promise: the example article goes in, a neutral, cited briefing comes out.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class SeedBriefingTests(SystemFixture system)
{
    private static readonly string[] NarratorLoadedWords = ["soaring", "vexing", "spiralling", "plethora", "erroneous"];

    [Fact]
    public async Task ListArticles_AfterStart_ListsTheSeedArticle()
    {
        var seed = await system.SeedArticleAsync();

        Assert.StartsWith("articles/", seed.Name, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "blinken-xi-beijing.txt")).Trim(), seed.Body.Trim());
    }

    [Fact]
    public async Task CreateBriefing_SeedWithBuiltInEngine_IsNeutralAttributedAndCited()
    {
        var seed = await system.SeedArticleAsync();

        var response = await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin },
        });
        var briefing = response.Briefing;
        var sentences = briefing.Sections.SelectMany(s => s.Sentences).ToList();
        var allText = briefing.Headline + "\n" + string.Join("\n", sentences.Select(s => s.Text));

        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        Assert.Contains("Antony Blinken", allText, StringComparison.Ordinal);
        Assert.Contains("Xi Jinping", allText, StringComparison.Ordinal);

        // Every sentence cites a real sentence of the source, by index and span.
        Assert.NotEmpty(sentences);
        foreach (var sentence in sentences)
        {
            Assert.NotEmpty(sentence.Citations);
            foreach (var c in sentence.Citations)
            {
                Assert.Equal(seed.Name, c.ArticleName);
                Assert.InRange(c.Start, 0, seed.Body.Length);
                Assert.InRange(c.End, c.Start + 1, seed.Body.Length);
            }
        }

        // Each side in its own attributed words: quotes by Xi and by the Chinese foreign ministry.
        var quoted = sentences.Where(s => s.Text.Contains('“', StringComparison.Ordinal) || s.Text.Contains('"', StringComparison.Ordinal)).ToList();
        Assert.Contains(quoted, s => s.SpeakerDisplayName.Contains("Xi", StringComparison.Ordinal));
        Assert.Contains(quoted, s => s.SpeakerDisplayName.Contains("foreign affairs", StringComparison.OrdinalIgnoreCase)
            || s.SpeakerDisplayName.Contains("foreign ministry", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(briefing.Sections, s => s.Kind == SectionKind.WhatHappened);
        Assert.True(briefing.Sections.Count(s => s.Kind == SectionKind.Position) >= 2);

        // The narrator's loaded words never appear outside quotation marks.
        foreach (var sentence in sentences.Select(s => s.Text).Append(briefing.Headline))
        {
            var outside = QuotedPassage().Replace(sentence, " ");
            foreach (var word in NarratorLoadedWords)
            {
                Assert.DoesNotContain(word, outside, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task StreamBriefing_Seed_SendsHeadlineSectionsThenWholeBriefing()
    {
        var seed = await system.SeedArticleAsync();
        using var call = system.SummaryClient.StreamBriefing(new StreamBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin, Refresh = true },
        });

        var events = new List<StreamBriefingResponse>();
        await foreach (var e in call.ResponseStream.ReadAllAsync())
        {
            events.Add(e);
        }

        Assert.Equal(StreamBriefingResponse.EventOneofCase.Headline, events[0].EventCase);
        Assert.Equal(StreamBriefingResponse.EventOneofCase.Briefing, events[^1].EventCase);
        var sections = events.Where(e => e.EventCase == StreamBriefingResponse.EventOneofCase.Section).ToList();
        Assert.Equal(events[^1].Briefing.Sections.Count, sections.Count);

        var stored = await system.SummaryClient.GetBriefingAsync(new GetBriefingRequest { Name = events[^1].Briefing.Name });
        Assert.Equal(events[^1].Briefing, stored.Briefing);
        var listed = await system.SummaryClient.ListBriefingsAsync(new ListBriefingsRequest { Filter = $"article = \"{seed.Name}\"" });
        Assert.Contains(listed.Briefings, b => b.Name == stored.Briefing.Name);
    }

    [Fact]
    public async Task CreateBriefing_ByEntity_SummarisesArticlesMentioningIt()
    {
        var seed = await system.SeedArticleAsync();

        var briefing = (await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            Entity = "entities/person-xi-jinping",
            Options = new BriefingOptions { Engine = EnginePreference.Builtin },
        })).Briefing;

        Assert.Contains(seed.Name, briefing.ArticleNames);
        Assert.All(briefing.Sections.SelectMany(s => s.Sentences), s => Assert.NotEmpty(s.Citations));
    }

    [Fact]
    public async Task CreateBriefing_ByEntityOutsideWindow_NotFound()
    {
        await system.SeedArticleAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            Entity = "entities/person-xi-jinping",
            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(1991, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task CreateArticle_EmptyBody_InvalidArgumentNamingArticleBody()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => system.IngestionClient.CreateArticleAsync(new CreateArticleRequest
        {
            Article = new Article { Title = "Empty", Body = "   " },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<Google.Rpc.BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == "article.body");
    }

    [Fact]
    public async Task CreateBriefing_UnknownArticle_NotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { "articles/doesnotexist" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [GeneratedRegex("“[^”]*”|\"[^\"]*\"")]
    private static partial Regex QuotedPassage();
}
