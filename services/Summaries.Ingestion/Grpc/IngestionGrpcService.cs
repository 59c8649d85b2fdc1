using Grpc.Core;
using Microsoft.Extensions.Options;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Importing;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Watching;

namespace Summaries.Ingestion.Grpc;

/// <summary>Thin adapter: protos in, domain calls, protos out. Errors are mapped by the shared interceptor.</summary>
public sealed partial class IngestionGrpcService(
    ArticleService articles,
    ArticleImporter importer,
    ArticleWatcher watcher,
    IOptions<IngestionLimitsOptions> limits,
    ILogger<IngestionGrpcService> logger)
    : IngestionService.IngestionServiceBase
{
    private static readonly WriteOptions BufferedWrite = new(WriteFlags.BufferHint);

    public override async Task<CreateArticleResponse> CreateArticle(CreateArticleRequest request, ServerCallContext context)
    {
        var command = ArticleMapper.ToCommand(request.Article, request.RequestId);
        var outcome = await articles.CreateAsync(command, context.CancellationToken);
        return new CreateArticleResponse { Article = ArticleMapper.ToProto(outcome.Article) };
    }

    /// <summary>Items are stored as they arrive; a bad item is its own result, never the stream's.</summary>
    public override async Task<BatchCreateArticlesResponse> BatchCreateArticles(
        IAsyncStreamReader<BatchCreateArticlesRequest> requestStream, ServerCallContext context)
    {
        var response = new BatchCreateArticlesResponse();
        var items = ImportItems.Read(requestStream, r => (r.Article, r.RequestId), limits.Value.StreamIdleTimeout, context.CancellationToken);
        try
        {
            await foreach (var result in importer.ImportAsync(items, limits.Value.MaxBatchItems, context.CancellationToken))
            {
                var item = ImportResults.ToBatchResult(result);
                LogIfUnexpected(result);
                response.Results.Add(item);
                if (item.Status is null)
                {
                    response.CreatedCount++;
                }
                else
                {
                    response.FailedCount++;
                }
            }
        }
        catch (BatchLimitExceededException ex)
        {
            throw ImportResults.LimitExceeded(ex);
        }

        return response;
    }

    /// <summary>Each item is acknowledged on the response stream once committed (or rejected).</summary>
    public override async Task StreamCreateArticles(
        IAsyncStreamReader<StreamCreateArticlesRequest> requestStream,
        IServerStreamWriter<StreamCreateArticlesResponse> responseStream,
        ServerCallContext context)
    {
        var items = ImportItems.Read(requestStream, r => (r.Article, r.RequestId), limits.Value.StreamIdleTimeout, context.CancellationToken);
        await foreach (var group in importer.ImportGroupsAsync(items, maxItems: null, context.CancellationToken))
        {
            for (var i = 0; i < group.Count; i++)
            {
                LogIfUnexpected(group[i]);
                // A group's acknowledgements leave together: only its last write is flushed to the client.
                responseStream.WriteOptions = i < group.Count - 1 ? BufferedWrite : null;
                await responseStream.WriteAsync(ImportResults.ToStreamResponse(group[i]), context.CancellationToken);
            }
        }
    }

    public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context) =>
        new() { Article = ArticleMapper.ToProto(await articles.GetAsync(request.Name, context.CancellationToken)) };

    public override async Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context)
    {
        var page = await articles.ListAsync(request.PageSize, request.PageToken, request.Filter, Shape(request.View), context.CancellationToken);
        var response = new ListArticlesResponse { NextPageToken = page.NextPageToken };
        response.Articles.AddRange(page.Articles.Select(ArticleMapper.ToProto));
        return response;
    }

    public override async Task<BatchGetArticlesResponse> BatchGetArticles(BatchGetArticlesRequest request, ServerCallContext context)
    {
        var batch = await articles.GetManyAsync(request.Names, Shape(request.View), context.CancellationToken);
        var response = new BatchGetArticlesResponse { MissingNames = { batch.MissingNames }, DeferredNames = { batch.DeferredNames } };
        response.Articles.AddRange(batch.Articles.Select(ArticleMapper.ToProto));
        return response;
    }

    private ArticleReadShape Shape(Contracts.Ingestion.V1.ArticleView view) => new(
        view == Contracts.Ingestion.V1.ArticleView.Basic ? Articles.ArticleView.Basic : Articles.ArticleView.Full,
        limits.Value.MaxResponseBytes);

    public override async Task<DeleteArticleResponse> DeleteArticle(DeleteArticleRequest request, ServerCallContext context)
    {
        await articles.DeleteAsync(request.Name, context.CancellationToken);
        return new DeleteArticleResponse { Name = request.Name };
    }

    /// <summary>Backlog after the cursor, then live articles; ends quietly when the client cancels.</summary>
    public override async Task WatchArticles(
        WatchArticlesRequest request, IServerStreamWriter<WatchArticlesResponse> responseStream, ServerCallContext context)
    {
        var after = WatchCursor.Parse(request.Cursor);
        try
        {
            await foreach (var article in watcher.WatchAsync(after, context.CancellationToken))
            {
                await responseStream.WriteAsync(
                    new WatchArticlesResponse { Article = ArticleMapper.ToProto(article), Cursor = WatchCursor.Format(article.Sequence) },
                    context.CancellationToken);
            }
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away (a write to a closed stream may fail with more than cancellation):
            // the normal end of a watch, not an error.
        }
    }

    private void LogIfUnexpected(ImportResult result)
    {
        if (result.Error is { } error && !ImportResults.IsExpected(error))
        {
            LogItemFailed(logger, result.Index, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream item {Index} failed unexpectedly")]
    private static partial void LogItemFailed(ILogger logger, int index, Exception exception);
}
