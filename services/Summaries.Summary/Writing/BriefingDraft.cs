namespace Summaries.Summary.Writing;

/// <summary>A sentence of a draft briefing with the ids of the facts it rests on.</summary>
public sealed record DraftSentence(string Text, IReadOnlyList<string> FactIds, string? SpeakerKey);

/// <summary>A section of a draft briefing; PartyKey is set for POSITION sections.</summary>
public sealed record DraftSection(DraftSectionKind Kind, string Title, string? PartyKey, IReadOnlyList<DraftSentence> Sentences);

/// <summary>What a writer produces before it is verified and stored.</summary>
public sealed record BriefingDraft(string Headline, IReadOnlyList<string> HeadlineFactIds, IReadOnlyList<DraftSection> Sections)
{
    public int SentenceCount => Sections.Sum(s => s.Sentences.Count);

    /// <summary>Tokens the model used, when a model wrote the draft.</summary>
    public TokenUsage? Usage { get; init; }
}

/// <summary>Tokens an LLM call consumed, as the provider reported them.</summary>
public sealed record TokenUsage(int PromptTokens, int CompletionTokens);

/// <summary>What wrote a draft: the engine kind, model and prompt/rules version.</summary>
public sealed record EngineInfo(WriterKind Kind, string Model, string Version);

/// <summary>A draft with the engine that wrote it and the writer's own warnings.</summary>
public sealed record WrittenDraft(BriefingDraft Draft, EngineInfo Engine, IReadOnlyList<string> Warnings);

/// <summary>Target size of a briefing.</summary>
public sealed record WritingRequest(int TargetSentences)
{
    /// <summary>Problems the verifier found in an earlier attempt, for the writer to fix; empty on the first attempt.</summary>
    public IReadOnlyList<string> Corrections { get; init; } = [];

    public static WritingRequest For(DraftLength length) => length switch
    {
        DraftLength.Short => new WritingRequest(4),
        DraftLength.Long => new WritingRequest(14),
        _ => new WritingRequest(8),
    };
}
