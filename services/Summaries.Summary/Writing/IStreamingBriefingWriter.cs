using Summaries.Summary.Facts;

namespace Summaries.Summary.Writing;

/// <summary>A writer that reports each part of its draft as soon as it has finished it.</summary>
public interface IStreamingBriefingWriter : IBriefingWriter
{
    /// <summary>
    /// The draft's parts in the order written, then the whole draft (<see cref="DraftComplete"/>)
    /// last. Parts are unverified; the whole draft is what the parts add up to.
    /// </summary>
    IAsyncEnumerable<DraftPart> StreamAsync(FactSheet facts, WritingRequest request, CancellationToken cancellationToken);
}

/// <summary>A finished part of a draft still being written.</summary>
public abstract record DraftPart;

/// <summary>The headline and the facts it rests on.</summary>
public sealed record DraftHeadline(string Headline, IReadOnlyList<string> FactIds) : DraftPart;

/// <summary>One complete section.</summary>
public sealed record DraftSectionDone(DraftSection Section) : DraftPart;

/// <summary>The whole draft, sent last.</summary>
public sealed record DraftComplete(BriefingDraft Draft) : DraftPart;
