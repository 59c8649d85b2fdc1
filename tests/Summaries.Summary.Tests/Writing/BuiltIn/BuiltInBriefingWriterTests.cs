using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed class BuiltInBriefingWriterTests
{
    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();
    private readonly BuiltInBriefingWriter _writer = new(new Neutralizer(Lexicon));

    [Fact]
    public void Write_Sample_EveryQuotedPartyHasAPositionInItsOwnWords()
    {
        var sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

        var draft = _writer.Write(sheet, new WritingRequest(6));

        var positions = draft.Sections.Where(s => s.Kind == DraftSectionKind.Position).ToList();
        Assert.Equal(2, positions.Count);
        Assert.Contains(positions, p => p.Sentences.Any(s => s.Text.Contains("“We want a fair deal,”", StringComparison.Ordinal) && s.SpeakerKey == "Person:Ana Ruiz"));
        Assert.Contains(positions, p => p.Sentences.Any(s => s.Text.Contains("“a waste of time”", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_Sample_PassesTheVerifierAndDropsCaptionsAndLoadedWords()
    {
        var sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

        var draft = _writer.Write(sheet, new WritingRequest(8));
        var result = new DraftVerifier(Lexicon).Verify(draft, sheet);

        Assert.True(result.IsClean, string.Join("; ", result.Problems.Select(p => p.Reason)));
        var text = string.Join(" ", draft.Sections.SelectMany(s => s.Sentences).Select(s => s.Text));
        Assert.DoesNotContain("Pool via AP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("soaring", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("amid tensions", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ATopSentenceRepeatingTheLead_LeftOutWithoutALowerOneInItsPlace()
    {
        const string body =
            "Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday to discuss the disputed border.\n\n" +
            "The foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday.\n\n" +
            "Trade between the two countries fell by half last year.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document(body: body)]);

        var draft = _writer.Write(sheet, new WritingRequest(2));

        var cited = draft.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds).ToList();
        Assert.Contains("a1.s0", cited);
        Assert.DoesNotContain("a1.s1", cited);
        Assert.DoesNotContain("a1.s2", cited);
    }

    [Fact]
    public void Write_SameInputTwice_SameDraft()
    {
        var sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

        var first = _writer.Write(sheet, new WritingRequest(8));
        var second = _writer.Write(sheet, new WritingRequest(8));

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Write_TwoArticlesSayingTheSame_OneSentenceCitesBoth()
    {
        var a = SampleSources.Document("articles/one");
        var b = SampleSources.Document("articles/two");
        var sheet = new FactSheetBuilder().Build([a, b]);

        var draft = _writer.Write(sheet, new WritingRequest(8));

        var lead = draft.Sections.First(s => s.Kind == DraftSectionKind.WhatHappened).Sentences[0];
        Assert.Contains(lead.FactIds, id => id.StartsWith("a1.", StringComparison.Ordinal));
        Assert.Contains(lead.FactIds, id => id.StartsWith("a2.", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_TwoDifferentArticles_EverySourceCited()
    {
        const string other = "Heavy rain flooded the harbour district of Lemuria's capital on Wednesday.\n\nEmergency crews evacuated 200 residents overnight.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document("articles/one"), SampleSources.Document("articles/two", other)]);

        var draft = _writer.Write(sheet, new WritingRequest(4));

        var cited = draft.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds).Select(id => id.Split('.')[0]).ToHashSet();
        Assert.Contains("a1", cited);
        Assert.Contains("a2", cited);
    }

    [Fact]
    public void Write_DatelineOfTheOutlet_LeftOutOfTheSentence()
    {
        var body = "GENEVA, Switzerland (Reuters) -- " + SampleSources.Body;
        var sheet = new FactSheetBuilder().Build([SampleSources.Document("articles/one", body)]);

        var draft = _writer.Write(sheet, new WritingRequest(4));

        var lead = draft.Sections.First(s => s.Kind == DraftSectionKind.WhatHappened).Sentences[0];
        Assert.StartsWith("Foreign ministers of Atlantis and Lemuria met in Geneva", lead.Text, StringComparison.Ordinal);
        Assert.True(new DraftVerifier(Lexicon).Verify(draft, sheet).IsClean);
    }

    [Fact]
    public void Write_LeadSentenceOpeningWithAPronoun_KeptRightAfterTheSentenceItLeansOn()
    {
        const string body =
            "Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday to discuss the disputed border.\n\n" +
            "They agreed to meet again in March after six hours of talks.\n\n" +
            "Trade between the two countries fell by half last year.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document(body: body)]);

        var draft = _writer.Write(sheet, new WritingRequest(2));

        var lead = draft.Sections.First(s => s.Kind == DraftSectionKind.WhatHappened).Sentences.SelectMany(s => s.FactIds).ToList();
        Assert.Equal(["a1.s0", "a1.s1"], lead);
    }

    [Fact]
    public void Write_LeadSentenceThatCannotBeNeutral_HidesNoSentenceRepeatingIt()
    {
        const string body =
            "Atlantis claimed victory in the border talks in Geneva on Tuesday.\n\n" +
            "The border talks in Geneva on Tuesday were a victory for Atlantis.\n\n" +
            "Trade between the two countries fell by half last year.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document(body: body)]);

        var draft = _writer.Write(sheet, new WritingRequest(2));

        var cited = draft.Sections.SelectMany(s => s.Sentences).SelectMany(s => s.FactIds).ToList();
        Assert.DoesNotContain("a1.s0", cited);
        Assert.Contains("a1.s1", cited);
    }

    [Fact]
    public void Write_PositionFromASentenceSayingMuchBesidesTheQuote_TheQuoteAttributedOnItsOwn()
    {
        const string body =
            "Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday amid tensions.\n\n" +
            "Ana Ruiz arrives at the lakeside palace in Geneva with a delegation of twelve advisers on Tuesday morning " +
            "“We want a fair deal,” Atlantis foreign minister Ana Ruiz said.\n\n" +
            "Lemuria's foreign ministry said the talks were “a waste of time” and blamed Atlantis for the delay.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document(body: body)]);

        var draft = _writer.Write(sheet, new WritingRequest(2));

        var ruiz = draft.Sections.Where(s => s.Kind == DraftSectionKind.Position).SelectMany(s => s.Sentences).Single(s => s.SpeakerKey == "Person:Ana Ruiz");
        Assert.Equal("Ana Ruiz said: “We want a fair deal”.", ruiz.Text);
        Assert.Equal(["a1.s1"], ruiz.FactIds);
        Assert.True(new DraftVerifier(Lexicon).Verify(draft, sheet).IsClean);
    }

    [Fact]
    public void Write_PositionQuotingOnlyAFragment_KeepsTheWholeSentence()
    {
        const string body =
            "Foreign ministers of Atlantis and Lemuria met in Geneva on Tuesday amid tensions.\n\n" +
            "“We want a fair deal,” Atlantis foreign minister Ana Ruiz said.\n\n" +
            "After six hours of talks at the lakeside palace on the northern shore of the lake, Lemuria's foreign ministry " +
            "said the talks were “a waste of time” and blamed Atlantis for the delay.";
        var sheet = new FactSheetBuilder().Build([SampleSources.Document(body: body)]);

        var draft = _writer.Write(sheet, new WritingRequest(6));

        var ministry = draft.Sections.Where(s => s.Kind == DraftSectionKind.Position).SelectMany(s => s.Sentences)
            .Single(s => s.SpeakerKey == "Organization:Lemuria's foreign ministry");
        Assert.StartsWith("After six hours of talks", ministry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_PageFurnitureRunIntoTheLead_LeftOutOfTheSentence()
    {
        var body = "Scroll down for video " + SampleSources.Body;
        var sheet = new FactSheetBuilder().Build([SampleSources.Document("articles/one", body)]);

        var draft = _writer.Write(sheet, new WritingRequest(4));

        var lead = draft.Sections.First(s => s.Kind == DraftSectionKind.WhatHappened).Sentences[0];
        Assert.StartsWith("Foreign ministers of Atlantis and Lemuria met in Geneva", lead.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ShortBriefing_HoldsItsBudget_EachPlannedVoiceHeardBeforeAnyoneIsHeardTwice()
    {
        var sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

        foreach (var length in (int[])[2, 4, 8])
        {
            var draft = _writer.Write(sheet, new WritingRequest(length));

            Assert.InRange(draft.SentenceCount, 1, length);
            var plan = VoicePlan.For(sheet, new WritingRequest(length));
            var positions = draft.Sections.Where(s => s.Kind == DraftSectionKind.Position).ToList();
            // Nobody is heard twice while a planned party is not heard at all.
            if (positions.Any(p => p.Sentences.Count > 1))
            {
                Assert.All(plan.Heard, p => Assert.Contains(positions, s => s.PartyKey == p.Key));
            }
        }

        // The sample's two quoted parties fit a briefing of 8.
        var medium = _writer.Write(sheet, new WritingRequest(8));
        Assert.Equal(2, medium.Sections.Count(s => s.Kind == DraftSectionKind.Position));
    }

    private static string Describe(BriefingDraft d) =>
        d.Headline + "|" + string.Join("|", d.Sections.SelectMany(s => s.Sentences).Select(s => s.Text + string.Join(",", s.FactIds)));
}
