namespace Summaries.Summary.Writing;

/// <summary>What a section of a draft tells: the events, one party's position, or background.</summary>
public enum DraftSectionKind
{
    WhatHappened,
    Position,
    Context,
}

/// <summary>Which kind of writer wrote a draft.</summary>
public enum WriterKind
{
    Builtin,
    Llm,
}

/// <summary>How long a briefing should be: about 4, 8 or 14 sentences.</summary>
public enum DraftLength
{
    Short,
    Medium,
    Long,
}
