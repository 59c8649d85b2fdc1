using Google.Rpc;
using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Importing;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Grpc;

/// <summary>Import results as the two streaming RPCs report them.</summary>
public static class ImportResults
{
    public static BatchCreateArticlesResult ToBatchResult(ImportResult result)
    {
        var item = new BatchCreateArticlesResult { Index = result.Index, RequestId = result.RequestId };
        if (result.Outcome is { } outcome)
        {
            item.ArticleName = outcome.Article.Name;
            item.Existing = !outcome.Created;
            item.DuplicateOf = outcome.Article.DuplicateOf;
        }
        else
        {
            item.Status = ItemStatus.From(result.Error!);
#pragma warning disable CS0612 // the deprecated ItemError is still filled for one release
            item.Error = BatchItemErrors.From(result.Error!);
#pragma warning restore CS0612
        }

        return item;
    }

    public static StreamCreateArticlesResponse ToStreamResponse(ImportResult result)
    {
        var batch = ToBatchResult(result);
        return new StreamCreateArticlesResponse
        {
            Index = batch.Index,
            RequestId = batch.RequestId,
            ArticleName = batch.ArticleName,
            Status = batch.Status,
#pragma warning disable CS0612 // the deprecated ItemError is still filled for one release
            Error = batch.Error,
#pragma warning restore CS0612
            Existing = batch.Existing,
            DuplicateOf = batch.DuplicateOf,
        };
    }

    /// <summary>Bad input is expected; anything else is worth a log line.</summary>
    public static bool IsExpected(Exception error) => error is ValidationException or RpcException;

    public static RpcException LimitExceeded(BatchLimitExceededException ex) =>
        RpcErrors.Build(Code.ResourceExhausted, ex.Message, "BATCH_TOO_LARGE",
            new Dictionary<string, string> { ["max_items"] = ex.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
