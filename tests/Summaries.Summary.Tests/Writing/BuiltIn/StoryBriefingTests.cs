using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Balance;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

/// <summary>A briefing of several outlets' reports of one event: within its length, main voices first, every source cited.</summary>
public sealed class StoryBriefingTests
{
    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();
    private readonly BuiltInBriefingWriter _writer = new(new Neutralizer(Lexicon));
    private readonly DraftVerifier _verifier = new(Lexicon);

    [Theory]
    [InlineData(DraftLength.Short)]
    [InlineData(DraftLength.Medium)]
    [InlineData(DraftLength.Long)]
    public void Write_SixReportsTwelveVoices_WithinTheBudgetEverySourceCitedMainVoicesHeard(DraftLength length)
    {
        var sheet = new FactSheetBuilder().Build(StoryReports.Event(reports: 6, speakers: 12));
        var request = WritingRequest.For(length);

        var (draft, result) = _verifier.Keep(_writer.Write(sheet, request), sheet);

        Assert.Empty(result.Problems);
        Assert.InRange(draft.SentenceCount, 1, request.TargetSentences);
        var cited = draft.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds).Select(id => sheet.FindFact(id)!.ArticleName).ToHashSet();
        // Every source where the length has a sentence for each (short has 4 for 6 sources; a sentence
        // several sources report alike cites each of them).
        Assert.InRange(cited.Count, Math.Min(sheet.Articles.Count, request.TargetSentences), sheet.Articles.Count);
        var heard = draft.Sections.Where(s => s.Kind == DraftSectionKind.Position).Select(s => sheet.FindEntity(s.PartyKey!)!.DisplayName).ToList();
        // The speaker every report quotes is heard first.
        Assert.Equal(StoryReports.Speaker(0), heard[0]);
        Assert.Equal(heard.Count, heard.Distinct().Count());
    }

    [Fact]
    public void Report_StoryBriefing_ListsEveryPartyAndSaysWhichTheTextLeftOut()
    {
        var sheet = new FactSheetBuilder().Build(StoryReports.Event(reports: 6, speakers: 12));
        var draft = _writer.Write(sheet, WritingRequest.For(DraftLength.Medium));

        var report = new BalanceReporter(Lexicon).Report(draft, sheet);

        Assert.Equal(12, report.Parties.Count);
        var heard = draft.Sections.Where(s => s.PartyKey is not null).Select(s => sheet.FindEntity(s.PartyKey!)!.DisplayName).ToHashSet();
        Assert.All(report.Parties, p => Assert.Equal(!heard.Contains(p.DisplayName), p.LeftOutOfText));
        Assert.Contains(report.Parties, p => p.LeftOutOfText);
        Assert.All(report.Parties.Where(p => p.LeftOutOfText), p => Assert.True(p.SourceQuotes > 0));
    }

    [Fact]
    public void Write_TwoReportsSayingTheSameInOtherWords_SaidOnce()
    {
        var sheet = new FactSheetBuilder().Build(
        [
            GeneratedReports.Document("articles/one", ["Flooding closed the main bridge of Northport on Monday after three days of rain.", "Repairs will take a month."], []),
            GeneratedReports.Document("articles/two", ["After three days of rain, flooding closed Northport's main bridge on Monday.", "The ferry runs every hour."], []),
        ]);

        var draft = _writer.Write(sheet, new WritingRequest(8));

        var happened = draft.Sections.Where(s => s.Kind == DraftSectionKind.WhatHappened).SelectMany(s => s.Sentences).Select(s => s.Text).ToList();
        Assert.Single(happened, t => t.Contains("bridge", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_OutletsReportDifferentNumbers_TheLeadGivesEachVersionUnderItsOutlet()
    {
        (string, string, Contracts.Entity.V1.EntityType, string[])[] places = [("entities/location-kabul", "Kabul", Contracts.Entity.V1.EntityType.Location, ["Kabul"])];
        var sheet = new FactSheetBuilder().Build(
        [
            GeneratedReports.Document("articles/one", ["Police said 12 people were killed in the explosion in Kabul on Monday.", "The area was closed to traffic."], places) with { Source = "www.cnn.com" },
            GeneratedReports.Document("articles/two", ["Police said 15 people were killed in the explosion in Kabul on Monday.", "Witnesses described scenes of confusion."], places) with { Source = "news.bbc.co.uk" },
        ]);

        var (draft, result) = _verifier.Keep(_writer.Write(sheet, new WritingRequest(4)), sheet);

        Assert.Empty(result.Problems);
        Assert.InRange(draft.SentenceCount, 1, 4);
        var happened = draft.Sections.Single(s => s.Kind == DraftSectionKind.WhatHappened).Sentences;
        var cnn = Assert.Single(happened, s => s.Text.StartsWith("According to CNN, police said 12", StringComparison.OrdinalIgnoreCase));
        var bbc = Assert.Single(happened, s => s.Text.StartsWith("According to BBC, police said 15", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("articles/one", sheet.FindFact(Assert.Single(cnn.FactIds))!.ArticleName);
        Assert.Equal("articles/two", sheet.FindFact(Assert.Single(bbc.FactIds))!.ArticleName);
    }
}
