using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Summaries.Ingestion;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Cleaning;
using Summaries.Ingestion.Duplicates;
using Summaries.Ingestion.Storage;

namespace Summaries.Evaluation;

/// <summary>
/// <c>ingest-bench</c>: what the ingestion service's own work on a seed-sized article costs in
/// process, without gRPC: cleaning, SHA-256 and the MinHash fingerprint, then the SQLite insert of
/// prepared articles in groups of 16 (the service's registrations, a temp file), as wall and CPU time
/// per article. Articles are the example article with each paragraph's words shuffled, as in the
/// load benchmarks.
/// </summary>
internal static class IngestBenchCommand
{
    private const int Group = 16;

    public static int Run(CommandLine command, TextWriter output)
    {
        var seedPath = command.Positional.FirstOrDefault() ?? throw new UsageException("ingest-bench needs the example article's path.");
        var count = command.Option("count") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 24_000;
        var bodies = Shuffled(File.ReadAllText(seedPath), count);

        var cleaned = bodies.Select(TextCleaner.Clean).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} articles of about {bodies.Average(b => b.Length):F0} characters"));
        for (var round = 0; round < 2; round++)
        {
            // The first round warms the JIT; the second is the one to read.
            var clean = PerArticle(() => bodies.ForEach(b => TextCleaner.Clean(b)), count);
            var hash = PerArticle(() => cleaned.ForEach(c => ContentHash.Of(c.Text)), count);
            var fingerprint = PerArticle(() => cleaned.ForEach(c => TextFingerprint.Of(c.Text)), count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: cleaning {clean:F1} µs, SHA-256 {hash:F1} µs, shingles and MinHash {fingerprint:F1} µs per article"));
        }

        return InsertAsync(bodies, output).GetAwaiter().GetResult();
    }

    private static async Task<int> InsertAsync(List<string> bodies, TextWriter output)
    {
        var directory = Path.Combine(Path.GetTempPath(), "summaries-ingest-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var records = new List<NewArticleRecord>();
            await using (var provider = await OpenAsync(directory))
            {
                var store = provider.GetRequiredService<IArticleStore>();
                var preparer = provider.GetRequiredService<ArticlePreparer>();
                records.AddRange(bodies.Select((body, i) => preparer.Prepare(new CreateArticleCommand(
                    new ArticleInput($"Article {i}", body, "Bench Wire", $"https://example.com/bench/{i}", null, "en"), $"bench-{i:D8}"), CancellationToken.None)));

                // Thirds, so a cost that grows with the store shows; the last two groups are kept for after the restart.
                var stored = records.Count - (2 * Group);
                for (var part = 0; part < 3; part++)
                {
                    var (from, to) = (part * stored / 3, (part + 1) * stored / 3);
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var started = Stopwatch.GetTimestamp();
                    for (var start = from; start < to; start += Group)
                    {
                        await store.InsertManyAsync(records.GetRange(start, Math.Min(Group, to - start)), CancellationToken.None);
                    }

                    var wall = Stopwatch.GetElapsedTime(started).TotalMicroseconds / (to - from);
                    var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (to - from);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"insert, articles {from + 1}–{to}: {wall:F1} µs wall, {used:F1} µs CPU per article"));
                }
            }

            // A restart: what the store reads at start (schema check, then the band filter and the
            // unindexed band keys), and the first groups' commits after it.
            var reopened = Stopwatch.GetTimestamp();
            await using (var provider = await OpenAsync(directory))
            {
                var opened = Stopwatch.GetElapsedTime(reopened).TotalMilliseconds;
                var store = provider.GetRequiredService<IArticleStore>();
                for (var group = 0; group < 2; group++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await store.InsertManyAsync(records.GetRange(records.Count - ((2 - group) * Group), Group), CancellationToken.None);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"after a restart ({opened:F0} ms to open and load): group {group + 1} of {Group} committed in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms"));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<ServiceProvider> OpenAsync(string directory)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Ingestion"] = $"Data Source={Path.Combine(directory, "ingestion.db")}",
            ["Seeds:Enabled"] = "false",
        }).Build());
        services.AddLogging();
        services.AddMetrics();
        services.AddIngestionServices();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment(directory));
        services.AddSingleton<IHostApplicationLifetime, BenchLifetime>();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IArticleStoreMigrator>().MigrateAsync(CancellationToken.None);
        await provider.GetRequiredService<IArticleStore>().LoadAsync(CancellationToken.None);
        return provider;
    }

    private static double PerArticle(Action work, int count)
    {
        var started = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / count;
    }

    private static List<string> Shuffled(string text, int count)
    {
        var paragraphs = text.Split("\n\n").Select(p => p.Split(' ')).ToArray();
        var bodies = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var random = new Random(i);
            var body = new StringBuilder(text.Length + 16);
            foreach (var words in paragraphs)
            {
                var shuffled = words.ToArray();
                random.Shuffle(shuffled);
                body.AppendJoin(' ', shuffled).Append("\n\n");
            }

            bodies.Add(body.ToString());
        }

        return bodies;
    }

    private sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Summaries.Evaluation";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class BenchLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
