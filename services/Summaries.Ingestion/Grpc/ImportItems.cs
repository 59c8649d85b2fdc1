using System.Globalization;
using System.Runtime.CompilerServices;
using Google.Rpc;
using Grpc.Core;
using Summaries.Ingestion.Importing;
using Summaries.ServiceDefaults.Errors;
using Proto = Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Grpc;

/// <summary>Turns a request stream into import items, one message at a time (the importer decides how far ahead to read).</summary>
public static class ImportItems
{
    /// <summary>
    /// The items of <paramref name="stream"/>. When no message arrives for <paramref name="idleTimeout"/>,
    /// the call ends with DEADLINE_EXCEEDED (reason STREAM_IDLE); what came before is already handled.
    /// </summary>
    public static async IAsyncEnumerable<ImportItem> Read<T>(
        IAsyncStreamReader<T> stream,
        Func<T, (Proto.Article? Article, string RequestId)> fields,
        TimeSpan idleTimeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            idle.CancelAfter(idleTimeout);
            bool more;
            try
            {
                more = await stream.MoveNext(idle.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }
                && idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw IdleTimeout(idleTimeout);
            }

            // The clock runs only while waiting for the client: not while this item is stored and
            // acknowledged, however long the server takes.
            idle.CancelAfter(Timeout.InfiniteTimeSpan);
            if (!more)
            {
                yield break;
            }

            var (article, requestId) = fields(stream.Current);
            ImportItem item;
            try
            {
                item = new ImportItem(requestId, ArticleMapper.ToCommand(article, requestId));
            }
            catch (ValidationException ex)
            {
                item = new ImportItem(requestId, null, ex);
            }

            yield return item;
        }
    }

    private static RpcException IdleTimeout(TimeSpan idleTimeout)
    {
        var seconds = idleTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        return RpcErrors.Build(Code.DeadlineExceeded,
            $"No message for {seconds}: the stream was ended. Items sent before were processed; resend the rest (the same request ids are safe).",
            "STREAM_IDLE", new Dictionary<string, string> { ["idle_timeout"] = seconds });
    }
}
