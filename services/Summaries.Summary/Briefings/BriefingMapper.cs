using Google.Protobuf.WellKnownTypes;
using Summaries.Contracts.Summary.V1;
using DomainBalance = Summaries.Summary.Balance;
using Summaries.Summary.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>Turns a verified draft into the public Briefing message, resolving fact ids to citations.</summary>
public static class BriefingMapper
{
    public static Briefing ToProto(string name, ComposedBriefing composed, BriefingOptions options, DateTimeOffset now)
    {
        var sheet = composed.Facts;
        var briefing = new Briefing
        {
            Name = name,
            Headline = composed.Draft.Headline,
            Engine = new Engine
            {
                Kind = composed.Engine.Kind.ToProto(),
                Model = composed.Engine.Model,
                Version = composed.Engine.Version,
                PromptTokens = composed.Draft.Usage?.PromptTokens ?? 0,
                CompletionTokens = composed.Draft.Usage?.CompletionTokens ?? 0,
                Latency = Duration.FromTimeSpan(composed.Latency),
            },
            Balance = ToProto(composed.Balance),
            CreateTime = Timestamp.FromDateTimeOffset(now),
            Options = options,
        };
        briefing.HeadlineCitations.AddRange(Citations(composed.Draft.HeadlineFactIds, sheet));
        briefing.ArticleNames.AddRange(sheet.Articles.Select(a => a.ArticleName));
        briefing.Warnings.AddRange(composed.Warnings);
        foreach (var section in composed.Draft.Sections)
        {
            briefing.Sections.Add(ToProto(section, sheet));
        }

        return briefing;
    }

    /// <summary>One section, its fact ids resolved to citations.</summary>
    public static Section ToProto(DraftSection section, FactSheet sheet)
    {
        var party = section.PartyKey is null ? null : sheet.FindEntity(section.PartyKey);
        var proto = new Section
        {
            Kind = section.Kind.ToProto(),
            Title = section.Title,
            Party = party is null ? string.Empty : PublicNames.Of(party),
            PartyDisplayName = party?.DisplayName ?? string.Empty,
        };
        foreach (var sentence in section.Sentences)
        {
            var speaker = sentence.SpeakerKey is null ? null : sheet.FindEntity(sentence.SpeakerKey);
            var s = new BriefingSentence
            {
                Text = sentence.Text,
                Speaker = speaker is null ? string.Empty : PublicNames.Of(speaker),
                SpeakerDisplayName = speaker?.DisplayName ?? string.Empty,
            };
            s.Citations.AddRange(Citations(sentence.FactIds, sheet));
            proto.Sentences.Add(s);
        }

        return proto;
    }

    private static BalanceReport ToProto(DomainBalance.BalanceReport balance)
    {
        var proto = new BalanceReport();
        proto.Parties.AddRange(balance.Parties.Select(p => new PartyBalance
        {
            Party = p.Party,
            DisplayName = p.DisplayName,
            SourceQuotes = p.SourceQuotes,
            SourceQuoteShare = p.SourceQuoteShare,
            SourceWords = p.SourceWords,
            SourceWordShare = p.SourceWordShare,
            BriefingSentences = p.BriefingSentences,
            BriefingSentenceShare = p.BriefingSentenceShare,
            BriefingWords = p.BriefingWords,
            BriefingWordShare = p.BriefingWordShare,
            LeftOutOfText = p.LeftOutOfText,
        }));
        proto.LoadedTermsLeftOut.AddRange(balance.LoadedTermsLeftOut.Select(t => new LoadedTermOccurrence
        {
            Term = t.Term,
            ArticleName = t.ArticleName,
            Start = t.Start,
            End = t.End,
        }));
        return proto;
    }

    private static IEnumerable<Citation> Citations(IEnumerable<string> factIds, FactSheet sheet) =>
        factIds.Select(sheet.FindFact).OfType<Fact>().Select(f => new Citation
        {
            ArticleName = f.ArticleName,
            SentenceIndex = f.SentenceIndex,
            Start = f.Start,
            End = f.End,
        });
}
