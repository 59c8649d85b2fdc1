using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// The length is a budget for the LLM as for the built-in engine: the prompt asks for at most the
/// length, and a model that writes past it has its context and then its last positions left out,
/// with a warning.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LengthThroughLlmTests(SystemFixture system)
{
    [Fact]
    public async Task CreateBriefing_ModelWritesPastTheLength_HeldToItsBudget()
    {
        // The seed quotes four parties: a short briefing (4 sentences) has room for the lead and three.
        const BriefingLength length = BriefingLength.Short;
        const int budget = 4;
        var seed = await system.SeedArticleAsync();
        system.Llm.Behaviour = LlmBehaviour.Wordy;
        try
        {
            var briefing = (await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
            {
                ArticleNames = { seed.Name },
                Options = new BriefingOptions { Refresh = true, Length = length },
            })).Briefing;

            Assert.Contains($"at most {budget} sentences", system.Llm.LastRequestBody, StringComparison.Ordinal);
            Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
            Assert.InRange(briefing.Sections.Sum(s => s.Sentences.Count), 1, budget);
            Assert.Contains(briefing.Warnings, w => w.Contains($"past its length of {budget}", StringComparison.Ordinal));
            // Context goes first, then the last party's position: what happened stays, and the balance
            // report says which party the text left out.
            Assert.DoesNotContain(briefing.Sections, s => s.Kind == SectionKind.Context);
            Assert.Contains(briefing.Sections, s => s.Kind == SectionKind.WhatHappened);
            var heard = briefing.Sections.Where(s => s.Kind == SectionKind.Position).Select(s => s.Party).ToHashSet();
            Assert.Equal(3, heard.Count);
            Assert.All(briefing.Balance.Parties, p => Assert.Equal(!heard.Contains(p.Party), p.LeftOutOfText));
        }
        finally
        {
            system.Llm.Reset();
        }
    }
}
