using System.Diagnostics;
using System.Globalization;
using Summaries.Ingestion.Cleaning;
using Summaries.Language;
using Summaries.Language.Tagging;
using Summaries.Summary.Writing;
using Summaries.Testing.Pathological;
using Summaries.Evaluation.Briefings;

namespace Summaries.Evaluation;

/// <summary>
/// <c>pathological</c>: each text stage of the services on inputs built to be slow (combining-mark
/// storms, one huge token, a 200,000-word capitalised sentence, unbalanced quotation marks, thousands
/// of distinct entities, deep brackets) at the longest article ingestion accepts, and the time of
/// each as a ratio to a normal article of the same length. Work bounded by size keeps every ratio a
/// small number; a superlinear spot shows as a ratio that grows with <c>--chars</c>. With
/// <c>--cancel-gaps on</c>, also how long each stage goes on after its token fires
/// (<see cref="PathologicalCancelGaps"/>).
/// </summary>
internal static class PathologicalCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var chars = int.Parse(command.Option("chars") ?? PathologicalText.MaxArticleChars.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var only = command.Option("input");
        var annotator = (RuleBasedAnnotator)NerAnnotators.Hybrid(NerModel.LoadShipped());
        var pipeline = new BriefingPipeline();

        // Warm-up on a small normal article, so the first measured stage pays no JIT.
        Measure(PathologicalText.Normal(20_000), annotator, pipeline);
        Dictionary<string, double>? normal = null;
        var worst = 0.0;
        output.WriteLine($"{"input",-22} {"stage",-14} {"ms",10} {"ratio",8}");
        foreach (var (name, build) in PathologicalText.All.Where(i => only is null || i.Name == "normal" || i.Name == only))
        {
            var stages = Measure(build(chars), annotator, pipeline);
            normal ??= stages;
            foreach (var (stage, ms) in stages)
            {
                var ratio = ms / Math.Max(normal[stage], 1.0);
                worst = name == "normal" ? worst : Math.Max(worst, ratio);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {stage,-14} {ms,10:F1} {ratio,8:F2}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pathological chars={chars} worst_ratio={worst:F2}"));
        if (command.Option("cancel-gaps") is not null)
        {
            var longest = 0.0;
            PathologicalCancelGaps.WriteHeader(output);
            foreach (var (name, build) in PathologicalText.All.Where(i => only is null || i.Name == "normal" || i.Name == only))
            {
                longest = Math.Max(longest, PathologicalCancelGaps.Print(name, build(chars), annotator, pipeline, output));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pathological chars={chars} longest_after_token_ms={longest:F0}"));
        }

        return 0;
    }

    /// <summary>Milliseconds per stage, in pipeline order: ingestion's cleaning, the entity service's annotation, the summary's fact sheet, writing and verification.</summary>
    private static Dictionary<string, double> Measure(string text, RuleBasedAnnotator annotator, BriefingPipeline pipeline)
    {
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        void Done(string stage)
        {
            stages[stage] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
        }

        var cleaned = TextCleaner.Clean(text).Text;
        Done("cleaning");
        annotator.Annotate(cleaned, null, Done, CancellationToken.None);
        clock.Restart();
        var source = pipeline.Source("articles/pathological", "Pathological", cleaned, "Test Wire", registered: true);
        clock.Restart();
        var sheet = pipeline.Sheet([source]);
        Done("fact-sheet");
        var draft = pipeline.Write(sheet, DraftLength.Medium);
        Done("writing");
        pipeline.Verifier.Verify(draft, sheet);
        Done("verification");
        return stages;
    }
}
