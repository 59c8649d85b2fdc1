using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Briefings;

/// <summary>The writers' kinds and lengths as the public API spells them, and back.</summary>
public static class DraftKindMapping
{
    public static SectionKind ToProto(this DraftSectionKind kind) => kind switch
    {
        DraftSectionKind.WhatHappened => SectionKind.WhatHappened,
        DraftSectionKind.Position => SectionKind.Position,
        DraftSectionKind.Context => SectionKind.Context,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static EngineKind ToProto(this WriterKind kind) => kind switch
    {
        WriterKind.Builtin => EngineKind.Builtin,
        WriterKind.Llm => EngineKind.Llm,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>UNSPECIFIED (and any value the validator let through) is MEDIUM.</summary>
    public static DraftLength ToDomain(this BriefingLength length) => length switch
    {
        BriefingLength.Short => DraftLength.Short,
        BriefingLength.Long => DraftLength.Long,
        _ => DraftLength.Medium,
    };
}
