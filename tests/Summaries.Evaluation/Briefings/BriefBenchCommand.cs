using System.Diagnostics;
using System.Globalization;
using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Writing;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>brief-bench</c>: built-in briefing latency (fact sheet + writer + verifier, annotation
/// excluded as it happens at ingestion) for one article and for a 20-article briefing made of the
/// given files, p50 and p99 over repeated runs after warm-up.
/// </summary>
internal static class BriefBenchCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var files = command.Positional;
        if (files.Count == 0)
        {
            throw new UsageException("brief-bench needs article text files.");
        }

        var runs = int.Parse(command.Option("runs") ?? "50", CultureInfo.InvariantCulture);
        var pipeline = new BriefingPipeline();
        var sources = files.Select((f, i) => pipeline.Source($"articles/b{i}", Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();
        var one = new[] { sources[0] };
        var twenty = Enumerable.Range(0, 20).Select(i => sources[i % sources.Count] with { ArticleName = $"articles/t{i}" }).ToList();

        Report(output, "1 article", Measure(pipeline, one, runs));
        var (p50, p99) = Measure(pipeline, twenty, Math.Max(5, runs / 5));
        Report(output, "20 articles", (p50, p99));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"brief-bench one_p50_ms={Measure(pipeline, one, runs).P50:F2} twenty_p50_ms={p50:F2}"));
        return 0;
    }

    private static (double P50, double P99) Measure(BriefingPipeline pipeline, IReadOnlyList<Summaries.Summary.Sources.SourceDocument> sources, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            Once(pipeline, sources);
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Once(pipeline, sources);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)]);
    }

    private static void Once(BriefingPipeline pipeline, IReadOnlyList<Summaries.Summary.Sources.SourceDocument> sources)
    {
        var sheet = pipeline.Sheet(sources);
        var draft = pipeline.Write(sheet, DraftLength.Medium);
        pipeline.Verifier.Verify(draft, sheet);
    }

    private static void Report(TextWriter output, string what, (double P50, double P99) t) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-12} p50 {t.P50,8:F2} ms   p99 {t.P99,8:F2} ms"));
}
