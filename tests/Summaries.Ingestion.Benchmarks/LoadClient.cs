using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Benchmarks;

/// <summary>What one measured run saw: acknowledged articles per second and latency from send to acknowledgement.</summary>
public sealed record RunResult(int Acknowledged, int Failed, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double PerSecond => Acknowledged / Elapsed.TotalSeconds;
}

/// <summary>Sends articles to a server and times each acknowledgement.</summary>
public static class LoadClient
{
    public static Task<RunResult> RunAsync(GrpcChannel channel, IReadOnlyList<StreamCreateArticlesRequest> requests, BenchmarkOptions options) =>
        options.Mode == "unary" ? UnaryAsync(channel, requests, options.Concurrency) : StreamAsync(channel, requests, options.Window);

    /// <summary>One StreamCreateArticles call; at most <paramref name="window"/> articles sent and not yet acknowledged.</summary>
    private static async Task<RunResult> StreamAsync(GrpcChannel channel, IReadOnlyList<StreamCreateArticlesRequest> requests, int window)
    {
        var client = new IngestionService.IngestionServiceClient(channel);
        var sentAt = new long[requests.Count];
        var ackedAt = new long[requests.Count];
        var failed = 0;
        using var slots = new SemaphoreSlim(window);
        using var call = client.StreamCreateArticles();
        var reader = Task.Run(async () =>
        {
            await foreach (var ack in call.ResponseStream.ReadAllAsync())
            {
                ackedAt[ack.Index] = Stopwatch.GetTimestamp();
                if (ack.Status is not null)
                {
                    failed++;
                }

                slots.Release();
            }
        });
        for (var i = 0; i < requests.Count; i++)
        {
            await slots.WaitAsync();
            sentAt[i] = Stopwatch.GetTimestamp();
            await call.RequestStream.WriteAsync(requests[i]);
        }

        await call.RequestStream.CompleteAsync();
        await reader;
        return Summarise(sentAt, ackedAt, failed);
    }

    /// <summary><paramref name="concurrency"/> callers, each sending CreateArticle after the previous one returned.</summary>
    private static async Task<RunResult> UnaryAsync(GrpcChannel channel, IReadOnlyList<StreamCreateArticlesRequest> requests, int concurrency)
    {
        var client = new IngestionService.IngestionServiceClient(channel);
        var sentAt = new long[requests.Count];
        var ackedAt = new long[requests.Count];
        var failed = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests.Count; i = Interlocked.Increment(ref next))
            {
                sentAt[i] = Stopwatch.GetTimestamp();
                try
                {
                    await client.CreateArticleAsync(new CreateArticleRequest { Article = requests[i].Article, RequestId = requests[i].RequestId });
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref failed);
                }

                ackedAt[i] = Stopwatch.GetTimestamp();
            }
        })));
        return Summarise(sentAt, ackedAt, failed);
    }

    private static RunResult Summarise(long[] sentAt, long[] ackedAt, int failed)
    {
        var latencies = sentAt.Zip(ackedAt, (s, a) => Stopwatch.GetElapsedTime(s, a)).Order().ToArray();
        var elapsed = Stopwatch.GetElapsedTime(sentAt.Min(), ackedAt.Max());
        return new RunResult(sentAt.Length - failed, failed, elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
