using Summaries.Ingestion.Articles;

namespace Summaries.Ingestion.Importing;

/// <summary>One item of a client stream: the command, or why the message could not become one.</summary>
public sealed record ImportItem(string RequestId, CreateArticleCommand? Command, Exception? Invalid = null);

/// <summary>The outcome of one item: the stored (or earlier) article, or the error it would have got on its own.</summary>
public sealed record ImportResult(int Index, string RequestId, CreateArticleOutcome? Outcome, Exception? Error);

/// <summary>A stream carried more items than <see cref="Options.IngestionLimitsOptions.MaxBatchItems"/>.</summary>
public sealed class BatchLimitExceededException(int limit)
    : Exception($"A batch may carry at most {limit} items; the items before this one were processed. Send the rest in a new stream (resending with the same request ids is safe).")
{
    public int Limit { get; } = limit;
}
