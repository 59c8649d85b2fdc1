using System.Runtime.CompilerServices;
using Grpc.Core;
using Summaries.Ingestion.Importing;
using Summaries.ServiceDefaults.Errors;
using Proto = Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Grpc;

/// <summary>Turns a request stream into import items, one message at a time (nothing is read ahead).</summary>
public static class ImportItems
{
    public static async IAsyncEnumerable<ImportItem> Read<T>(
        IAsyncStreamReader<T> stream,
        Func<T, (Proto.Article? Article, string RequestId)> fields,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await stream.MoveNext(cancellationToken))
        {
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
}
