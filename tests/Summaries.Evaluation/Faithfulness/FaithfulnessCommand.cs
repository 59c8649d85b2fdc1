using System.Diagnostics;
using System.Globalization;
using Summaries.Evaluation.Briefings;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;

namespace Summaries.Evaluation.Faithfulness;

/// <summary>
/// <c>faithfulness</c>: the summary service's support checker, in its cite-free mode (the path
/// CheckClaim runs), against FRANK's human judgements. Each article is annotated by the entity
/// service's own annotator and made a fact sheet; each summary sentence is checked against it; a
/// summary is supported when all its sentences are. Prints precision/recall per label, recall per
/// FRANK error kind, each dataset and each half (tune/test) apart, and sentences checked per second
/// on one core.
/// </summary>
internal static class FaithfulnessCommand
{
    private static readonly string[] Checks = ["antonyms", "numbers", "time", "stance", "names", "novel", "polarity", "roles", "order", "coref"];

    public static int Run(CommandLine command, TextWriter output)
    {
        var path = command.RequiredPositional(0, "<jsonl>");
        var pinned = SingleCore.Pin();
        var records = FrankRecord.Read(path).ToList();
        var baseModel = command.Option("model") is { } modelPath ? SupportModel.Parse(File.ReadAllText(modelPath)) : SupportModel.LoadDefault();
        var lexicon = SupportLexicon.LoadDefault();
        var loaded = LoadedLexicon.LoadDefault();
        var ablated = command.Option("ablate")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        baseModel = baseModel with { Disabled = [.. baseModel.Disabled, .. ablated] };

        var watch = Stopwatch.StartNew();
        var articles = Annotate(records);
        output.WriteLine($"{records.Count} records, {articles.Count} articles annotated in {watch.Elapsed.TotalSeconds:0.0} s ({pinned})");

        if (command.Option("tune") is { } tuneOut)
        {
            var tuned = Tune(records, articles, lexicon, loaded, baseModel, output);
            File.WriteAllText(tuneOut, tuned.ToJson() + "\n");
            output.WriteLine($"wrote {tuneOut}");
            baseModel = tuned;
        }

        if (command.Option("ablations") == "on")
        {
            Ablations(records, articles, lexicon, loaded, baseModel, output);
        }

        var run = Evaluate(records, articles, new SheetSupport(new SupportChecker(lexicon, baseModel), loaded));
        Report(run, output, int.Parse(command.Option("show") ?? "0", CultureInfo.InvariantCulture));
        var dataset = command.Option("dataset") ?? "cnndm";
        var part = command.Option("part") ?? "test";
        var headline = run.Counts(dataset, part);
        output.WriteLine(
            $"faithfulness balanced_accuracy={headline.BalancedAccuracy:0.000} supported_recall={headline.SupportedRecall:0.000} " +
            $"unsupported_recall={headline.UnsupportedRecall:0.000} sentences_per_s={run.SentencesPerSecond:0} dataset={dataset} part={part}");
        return 0;
    }

    /// <summary>Each article annotated and made a fact sheet once, as the summary service does for CheckClaim.</summary>
    private static Dictionary<string, FactSheet> Annotate(List<FrankRecord> records)
    {
        var pipeline = new BriefingPipeline();
        var result = new Dictionary<string, FactSheet>(StringComparer.Ordinal);
        foreach (var record in records.Where(r => !string.IsNullOrEmpty(r.Article)))
        {
            if (!result.ContainsKey(record.ArticleId))
            {
                result[record.ArticleId] = pipeline.Sheet([pipeline.Source("articles/" + record.ArticleId, string.Empty, record.Article)]);
            }
        }

        return result;
    }

    /// <summary>Every record's sentences checked by the cite-free mode (<see cref="SheetSupport.Find"/>, CheckClaim's path).</summary>
    internal static FaithfulnessRun Evaluate(List<FrankRecord> records, Dictionary<string, FactSheet> articles, SheetSupport support)
    {
        var run = new FaithfulnessRun();
        var watch = Stopwatch.StartNew();
        foreach (var record in records)
        {
            if (articles.TryGetValue(record.ArticleId, out var sheet))
            {
                run.Add(record, record.Sentences.Select(s => support.Find(s, sheet).Verdict).ToList());
            }
        }

        run.Seconds = watch.Elapsed.TotalSeconds;
        return run;
    }

    private static SupportModel Tune(List<FrankRecord> records, Dictionary<string, FactSheet> articles, SupportLexicon lexicon, LoadedLexicon loaded, SupportModel start, TextWriter output)
    {
        var tuning = records.Where(r => r.Part == "tune" && r.Dataset == "cnndm").ToList();
        var best = start;
        var bestScore = -1.0;
        foreach (var novel in new[] { 0.0, 1, 2, 3 })
        {
            // Capped at 0.5: a reworded voice or fronted phrase reorders a faithful claim's words.
            foreach (var order in new[] { 0.0, 0.3, 0.5 })
            {
                foreach (var sources in new[] { 1, 2, 3 })
                {
                    foreach (var gain in new[] { 1, 2, 3 })
                    {
                        if (sources == 1 && gain > 1)
                        {
                            continue;
                        }

                        var model = start with { MaxNovelWords = novel, MinOrderedCoverage = order, MaxSources = sources, FusionMinGain = gain };
                        var counts = Evaluate(tuning, articles, new SheetSupport(new SupportChecker(lexicon, model), loaded)).Counts("cnndm", "tune");
                        if (counts.BalancedAccuracy > bestScore + 1e-9)
                        {
                            (best, bestScore) = (model, counts.BalancedAccuracy);
                            output.WriteLine($"tune: novel={novel} order={order} sources={sources} gain={gain} balanced_accuracy={bestScore:0.000}");
                        }
                    }
                }
            }
        }

        return best;
    }

    private static void Ablations(List<FrankRecord> records, Dictionary<string, FactSheet> articles, SupportLexicon lexicon, LoadedLexicon loaded, SupportModel model, TextWriter output)
    {
        output.WriteLine("ablation (one check off)   cnndm tune BA   cnndm test BA   xsum BA");
        foreach (var check in new[] { "(none)" }.Concat(Checks))
        {
            var m = check == "(none)" ? model : model with { Disabled = [.. model.Disabled, check] };
            var run = Evaluate(records, articles, new SheetSupport(new SupportChecker(lexicon, m), loaded));
            output.WriteLine($"  {check,-24} {run.Counts("cnndm", "tune").BalancedAccuracy,13:0.000} {run.Counts("cnndm", "test").BalancedAccuracy,15:0.000} {run.Counts("xsum", "all").BalancedAccuracy,9:0.000}");
        }
    }

    private static void Report(FaithfulnessRun run, TextWriter output, int show)
    {
        foreach (var dataset in run.Datasets)
        {
            foreach (var part in new[] { "tune", "test", "all" })
            {
                var c = run.Counts(dataset, part);
                if (c.Total == 0)
                {
                    continue;
                }

                output.WriteLine(
                    $"{dataset,-6} {part,-5} items={c.Total,5} balanced_accuracy={c.BalancedAccuracy:0.000}  " +
                    $"supported P={c.SupportedPrecision:0.000} R={c.SupportedRecall:0.000}  unsupported P={c.UnsupportedPrecision:0.000} R={c.UnsupportedRecall:0.000}");
            }

            output.WriteLine($"{dataset,-6} unsupported recall per FRANK error kind: " +
                string.Join(", ", run.KindRecall(dataset).Select(k => $"{k.Kind} {k.Caught}/{k.Total}")));
            output.WriteLine($"{dataset,-6} checker's failure kinds on items it rejected: " +
                string.Join(", ", run.FailureKinds(dataset).Select(k => $"{k.Key} {k.Value}")));
        }

        output.WriteLine($"sentences checked: {run.Sentences} in {run.Seconds:0.00} s = {run.SentencesPerSecond:0}/s on one core (article preparation included, annotation not)");
        foreach (var (record, verdicts) in run.Mistakes.Take(show))
        {
            output.WriteLine($"--- {record.Id} gold={(record.Supported ? "supported" : "unsupported")} errors={string.Join(",", record.ErrorTypes)}");
            foreach (var (sentence, verdict) in record.Sentences.Zip(verdicts))
            {
                output.WriteLine($"  [{(verdict.Supported ? "ok" : verdict.Failure!.Kind.ToString())}] {sentence}" + (verdict.Supported ? string.Empty : $"  <- {verdict.Failure!.Reason}"));
            }
        }
    }
}
