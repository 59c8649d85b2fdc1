using System.Diagnostics;
using System.Globalization;
using Summaries.Contracts.Entity.V1;
using Summaries.Testing;

namespace Summaries.Load;

/// <summary>
/// The entity service alone as its registry grows: <c>--concurrency</c> callers send the soak's
/// shuffled seed articles to AnnotateArticle, and every block of 2,000 prints its rate and latency.
/// A rate that falls from block to block means each registration costs more than the last.
/// </summary>
public static class RegistryCommand
{
    private const int Block = 2_000;

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "summaries-registry-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        try
        {
            await using var entity = ServiceProcess.Start("Summaries.Entity", FreePort.Next(), new Dictionary<string, string>
            {
                ["ConnectionStrings__Entity"] = options.Store ?? $"Data Source={Path.Combine(dataDir, "entity.db")}",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            });
            await entity.WaitHealthyAsync("summaries.entity.v1.EntityService", TimeSpan.FromSeconds(90));
            var client = new EntityService.EntityServiceClient(entity.Channel);
            var seedText = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "blinken-xi-beijing.txt"));
            output.WriteLine($"entity service, store {(options.Store is null ? "SQLite (temp file)" : "as given")}, {options.Articles} articles, {options.Concurrency} callers");

            var latencies = new List<double>(Block);
            var blockStart = Stopwatch.GetTimestamp();
            long next = 0;
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i <= options.Articles; i = Interlocked.Increment(ref next))
                {
                    var request = new AnnotateArticleRequest { ArticleName = $"articles/registry{i}", Text = Scenario.Shuffled(seedText, i) };
                    var sent = Stopwatch.GetTimestamp();
                    await client.AnnotateArticleAsync(request);
                    var milliseconds = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(milliseconds);
                        if (latencies.Count == Block)
                        {
                            latencies.Sort();
                            var seconds = Stopwatch.GetElapsedTime(blockStart).TotalSeconds;
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"up to article {i}: {Block / seconds:F0} articles/s, p50 {latencies[Block / 2]:F1} ms, p99 {latencies[(Block * 99 / 100) - 1]:F1} ms"));
                            latencies.Clear();
                            blockStart = Stopwatch.GetTimestamp();
                        }
                    }
                }
            })));
            return 0;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
