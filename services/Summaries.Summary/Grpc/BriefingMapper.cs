using Google.Protobuf.WellKnownTypes;
using Summaries.Summary.Briefings;
using Summaries.Summary.Writing;
using DomainBalance = Summaries.Summary.Balance;
using Wire = Summaries.Contracts.Summary.V1;

namespace Summaries.Summary.Grpc;

/// <summary>
/// Briefings on the wire, and back: the way back reads briefings that earlier releases stored as
/// the wire message (<see cref="ProtoBriefingPayloads"/>), so it keeps every field the service ever wrote.
/// </summary>
public static class BriefingMapper
{
    public static Wire.Briefing ToProto(Briefing briefing)
    {
        var proto = new Wire.Briefing
        {
            Name = briefing.Name,
            Headline = briefing.Headline,
            Engine = new Wire.Engine
            {
                Kind = ToProto(briefing.Engine.Kind),
                Model = briefing.Engine.Model,
                Version = briefing.Engine.Version,
                PromptTokens = briefing.Engine.PromptTokens,
                CompletionTokens = briefing.Engine.CompletionTokens,
                Latency = Duration.FromTimeSpan(briefing.Engine.Latency),
            },
            Balance = ToProto(briefing.Balance),
            CreateTime = Timestamp.FromDateTimeOffset(briefing.CreateTime),
            Options = ToProto(briefing.Options),
            Cached = briefing.Cached,
        };
        proto.HeadlineCitations.AddRange(briefing.HeadlineCitations.Select(ToProto));
        proto.Sections.AddRange(briefing.Sections.Select(ToProto));
        proto.Warnings.AddRange(briefing.Warnings);
        proto.ArticleNames.AddRange(briefing.ArticleNames);
        return proto;
    }

    public static Wire.Section ToProto(BriefingSection section)
    {
        var proto = new Wire.Section
        {
            Kind = ToProto(section.Kind),
            Title = section.Title,
            Party = section.Party,
            PartyDisplayName = section.PartyDisplayName,
        };
        foreach (var sentence in section.Sentences)
        {
            var s = new Wire.BriefingSentence { Text = sentence.Text, Speaker = sentence.Speaker, SpeakerDisplayName = sentence.SpeakerDisplayName };
            s.Citations.AddRange(sentence.Citations.Select(ToProto));
            proto.Sentences.Add(s);
        }

        return proto;
    }

    public static Wire.EngineKind ToProto(WriterKind kind) => kind switch
    {
        WriterKind.Builtin => Wire.EngineKind.Builtin,
        WriterKind.Llm => Wire.EngineKind.Llm,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The numbers are the wire's, so a value this build does not know still reaches the validator.</summary>
    public static BriefingOptions ToDomain(Wire.BriefingOptions? options) =>
        options is null ? new BriefingOptions() : new((BriefingLength)(int)options.Length, (EnginePreference)(int)options.Engine, options.Refresh);

    /// <summary>A briefing as an earlier release stored it; missing parts read as empty.</summary>
    public static Briefing ToDomain(Wire.Briefing proto) => new(
        proto.Name,
        proto.Headline,
        proto.HeadlineCitations.Select(ToDomain).ToList(),
        proto.Sections.Select(ToDomain).ToList(),
        proto.Engine is { } e
            ? new BriefingEngine(ToDomain(e.Kind), e.Model, e.Version, e.PromptTokens, e.CompletionTokens, e.Latency?.ToTimeSpan() ?? TimeSpan.Zero)
            : new BriefingEngine(WriterKind.Builtin, string.Empty, string.Empty, 0, 0, TimeSpan.Zero),
        [.. proto.Warnings],
        [.. proto.ArticleNames],
        proto.CreateTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
        ToDomain(proto.Options),
        ToDomain(proto.Balance ?? new Wire.BalanceReport()),
        proto.Cached);

    private static Wire.BriefingOptions ToProto(BriefingOptions options) =>
        new() { Length = (Wire.BriefingLength)(int)options.Length, Engine = (Wire.EnginePreference)(int)options.Engine, Refresh = options.Refresh };

    private static Wire.Citation ToProto(BriefingCitation c) =>
        new() { ArticleName = c.ArticleName, SentenceIndex = c.SentenceIndex, Start = c.Start, End = c.End };

    private static BriefingCitation ToDomain(Wire.Citation c) => new(c.ArticleName, c.SentenceIndex, c.Start, c.End);

    private static BriefingSection ToDomain(Wire.Section s) => new(
        ToDomain(s.Kind),
        s.Title,
        s.Party,
        s.PartyDisplayName,
        s.Sentences.Select(x => new BriefingSentence(x.Text, x.Citations.Select(ToDomain).ToList(), x.Speaker, x.SpeakerDisplayName)).ToList());

    private static Wire.SectionKind ToProto(DraftSectionKind kind) => kind switch
    {
        DraftSectionKind.WhatHappened => Wire.SectionKind.WhatHappened,
        DraftSectionKind.Position => Wire.SectionKind.Position,
        DraftSectionKind.Context => Wire.SectionKind.Context,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // The service never wrote an unspecified kind; a row that has one cannot be served faithfully.
    private static DraftSectionKind ToDomain(Wire.SectionKind kind) => kind switch
    {
        Wire.SectionKind.WhatHappened => DraftSectionKind.WhatHappened,
        Wire.SectionKind.Position => DraftSectionKind.Position,
        Wire.SectionKind.Context => DraftSectionKind.Context,
        _ => throw new InvalidDataException($"A stored briefing has section kind {kind}, which no release wrote."),
    };

    private static WriterKind ToDomain(Wire.EngineKind kind) => kind switch
    {
        Wire.EngineKind.Builtin => WriterKind.Builtin,
        Wire.EngineKind.Llm => WriterKind.Llm,
        _ => throw new InvalidDataException($"A stored briefing has engine kind {kind}, which no release wrote."),
    };

    private static Wire.BalanceReport ToProto(DomainBalance.BalanceReport balance)
    {
        var proto = new Wire.BalanceReport();
        proto.Parties.AddRange(balance.Parties.Select(p => new Wire.PartyBalance
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
        proto.LoadedTermsLeftOut.AddRange(balance.LoadedTermsLeftOut.Select(t => new Wire.LoadedTermOccurrence
        {
            Term = t.Term,
            ArticleName = t.ArticleName,
            Start = t.Start,
            End = t.End,
        }));
        return proto;
    }

    private static DomainBalance.BalanceReport ToDomain(Wire.BalanceReport proto) => new(
        proto.Parties.Select(p => new DomainBalance.PartyBalance(
            p.Party, p.DisplayName, p.SourceQuotes, p.SourceQuoteShare, p.SourceWords, p.SourceWordShare,
            p.BriefingSentences, p.BriefingSentenceShare, p.BriefingWords, p.BriefingWordShare, p.LeftOutOfText)).ToList(),
        proto.LoadedTermsLeftOut.Select(t => new DomainBalance.LoadedTermLeftOut(t.Term, t.ArticleName, t.Start, t.End)).ToList());
}
