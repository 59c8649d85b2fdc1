using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Watching;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Grpc;

/// <summary>Thin adapter: protos in, domain calls, protos out. Errors are mapped by the shared interceptor.</summary>
public sealed partial class IngestionGrpcService(
    ArticleService articles, ArticleWatcher watcher, ILogger<IngestionGrpcService> logger)
    : IngestionService.IngestionServiceBase
{
    public override async Task<CreateArticleResponse> CreateArticle(CreateArticleRequest request, ServerCallContext context)
    {
        var command = ArticleMapper.ToCommand(request.Article, request.RequestId);
        var outcome = await articles.CreateAsync(command, context.CancellationToken);
        return new CreateArticleResponse { Article = ArticleMapper.ToProto(outcome.Article) };
    }

    /// <summary>Each item goes through the same path as CreateArticle; its failure is its own result, never the stream's.</summary>
    public override async Task<BatchCreateArticlesResponse> BatchCreateArticles(
        IAsyncStreamReader<BatchCreateArticlesRequest> requestStream, ServerCallContext context)
    {
        var response = new BatchCreateArticlesResponse();
        var index = 0;
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var result = new BatchCreateArticlesResult { Index = index++, RequestId = item.RequestId };
            try
            {
                var outcome = await articles.CreateAsync(ArticleMapper.ToCommand(item.Article, item.RequestId), context.CancellationToken);
                result.ArticleName = outcome.Article.Name;
                response.CreatedCount++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (ex is not (ValidationException or RpcException))
                {
                    LogItemFailed(logger, result.Index, ex);
                }

                result.Error = BatchItemErrors.From(ex);
                response.FailedCount++;
            }

            response.Results.Add(result);
        }

        return response;
    }

    public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context) =>
        new() { Article = ArticleMapper.ToProto(await articles.GetAsync(request.Name, context.CancellationToken)) };

    public override async Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context)
    {
        var page = await articles.ListAsync(request.PageSize, request.PageToken, request.Filter, context.CancellationToken);
        var response = new ListArticlesResponse { NextPageToken = page.NextPageToken };
        response.Articles.AddRange(page.Articles.Select(ArticleMapper.ToProto));
        return response;
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch item {Index} failed unexpectedly")]
    private static partial void LogItemFailed(ILogger logger, int index, Exception exception);
}
