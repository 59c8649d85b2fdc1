using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;

namespace Summaries.Load;

/// <summary>The three measured phases of the <c>replicas</c> command: bulk ingest, annotation, briefings.</summary>
public static class ReplicaPhases
{
    /// <summary>Unacknowledged items one stream may have out, as the ingestion benchmark sends them.</summary>
    private const int Window = 64;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Sends the articles over <paramref name="streams"/> <c>StreamCreateArticles</c> calls on a
    /// balanced channel (round robin places each stream on the next replica), article i on stream
    /// i mod streams; returns once every item is acknowledged, with the stored names in order.
    /// </summary>
    public static async Task<(string[] Names, IReadOnlyDictionary<string, int> Errors)> IngestAsync(
        GrpcChannel channel, IReadOnlyList<BenchArticle> articles, int streams, string requestPrefix, CancellationToken cancellationToken)
    {
        var client = new IngestionService.IngestionServiceClient(channel);
        var names = new string[articles.Count];
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async stream =>
        {
            var slice = Enumerable.Range(0, articles.Count).Where(i => i % streams == stream).ToArray();
            using var window = new SemaphoreSlim(Window);
            using var call = client.StreamCreateArticles(cancellationToken: cancellationToken);
            var reader = Task.Run(async () =>
            {
                await foreach (var ack in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (ack.Status is not null || ack.ArticleName.Length == 0)
                    {
                        var reason = ack.Status is { } status ? $"{(Grpc.Core.StatusCode)status.Code}: {status.Message}" : "no name";
                        lock (errors)
                        {
                            errors[reason] = errors.GetValueOrDefault(reason) + 1;
                        }
                    }

                    names[slice[ack.Index]] = ack.ArticleName;
                    window.Release();
                }
            }, cancellationToken);
            foreach (var i in slice)
            {
                await window.WaitAsync(cancellationToken);
                var article = articles[i];
                await call.RequestStream.WriteAsync(new StreamCreateArticlesRequest
                {
                    RequestId = $"{requestPrefix}-{i}",
                    Article = new Article { Title = article.Title, Body = article.Body, Source = article.Source, Language = "en" },
                }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            await reader;
        }));
        return (names, errors);
    }

    /// <summary>
    /// Waits until every named article's annotation has settled (done or failed), checking them in
    /// the order they were created: one read per article plus one per poll, so the polling itself
    /// costs the ingestion replicas little. Returns the names of those annotated and how many failed.
    /// </summary>
    public static async Task<(List<string> Done, int Failed)> WaitAnnotatedAsync(GrpcChannel channel, IReadOnlyList<string> names, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new IngestionService.IngestionServiceClient(channel);
        var deadline = Stopwatch.StartNew();
        var failed = 0;
        var done = new List<string>(names.Count);
        for (var next = 0; next < names.Count;)
        {
            if (names[next].Length == 0)
            {
                next++;
                continue;
            }

            var article = (await client.GetArticleAsync(new GetArticleRequest { Name = names[next] }, cancellationToken: cancellationToken)).Article;
            if (article.AnnotationState is AnnotationState.Done or AnnotationState.Failed)
            {
                if (article.AnnotationState == AnnotationState.Done)
                {
                    done.Add(article.Name);
                }
                else
                {
                    failed++;
                }

                next++;
                continue;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{names.Count - next} of {names.Count} articles were still not annotated after {timeout}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return (done, failed);
    }

    /// <summary>
    /// <paramref name="callers"/> callers, each sending its next <c>CreateBriefing</c> (built-in
    /// engine, cache bypassed) when the last answered, each over the next article of the list, for
    /// <paramref name="duration"/>.
    /// </summary>
    public static async Task<(RunStats Stats, double P95Ms)> BriefingsAsync(
        GrpcChannel channel, IReadOnlyList<string> names, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var client = new SummaryService.SummaryServiceClient(channel);
        var recorder = new Recorder();
        long sequence = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var request = new CreateBriefingRequest
                {
                    Options = new BriefingOptions { Length = BriefingLength.Short, Engine = EnginePreference.Builtin, Refresh = true },
                };
                request.ArticleNames.Add(names[(int)(Interlocked.Increment(ref sequence) % names.Count)]);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await client.CreateBriefingAsync(request, cancellationToken: cancellationToken);
                    recorder.Success(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (RpcException ex)
                {
                    recorder.Failure(ex);
                }
            }
        }, cancellationToken)));
        return (recorder.Stats(clock.Elapsed), recorder.PercentileMs(0.95));
    }
}
