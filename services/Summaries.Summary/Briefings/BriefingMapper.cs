using Google.Protobuf.WellKnownTypes;
using Summaries.Contracts.Summary.V1;
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
            Balance = composed.Balance,
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

    private static IEnumerable<Citation> Citations(IEnumerable<string> factIds, FactSheet sheet) =>
        factIds.Select(sheet.FindFact).OfType<Fact>().Select(f => new Citation
        {
            ArticleName = f.ArticleName,
            SentenceIndex = f.SentenceIndex,
            Start = f.Start,
            End = f.End,
        });
}
