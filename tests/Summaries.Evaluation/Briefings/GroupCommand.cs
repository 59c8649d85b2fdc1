using System.Diagnostics;
using System.Globalization;
using Summaries.Summary.Stories;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>group</c>: all WikinewsSum development articles mixed together, grouped into stories as
/// ListStories groups them, scored against the gold events (pairwise and B-cubed F1). Each feature
/// alone and combined, at the service's threshold and at the best threshold for this data; the
/// last line scores the service's default settings.
/// </summary>
internal static class GroupCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var clustersPath = command.RequiredPositional(0, "<clusters-jsonl>");
        var articlesPath = command.RequiredPositional(1, "<articles-jsonl>");
        var options = Options(command);
        var pipeline = new BriefingPipeline();
        var articles = StoryCorpus.Load(clustersPath, articlesPath, pipeline);
        var gold = articles.Select(a => a.EventId).ToList();
        articles.AddRange(StoryCorpus.LoadDistractors(command.Options("distractors"), pipeline));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{gold.Count} articles, {gold.Distinct().Count()} events, {articles.Count - gold.Count} unrelated articles mixed in; threshold {options.Threshold}, lead {options.LeadWords} words"));

        (string Label, double EntityWeight)[] modes = [("entities only", 1.0), ("text only", 0.0), ("combined", options.EntityWeight)];
        foreach (var (label, weight) in modes)
        {
            var mode = With(options, weight, options.Threshold);
            var atDefault = Score(articles, gold, mode);
            var best = Thresholds().Select(t => (Threshold: t, Scores: Score(articles, gold, With(mode, weight, t))))
                .OrderByDescending(x => x.Scores.BCubedF1 + x.Scores.PairF1).ThenBy(x => x.Threshold).First();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-14} (entity weight {weight:F2})  pair AUC {PairAuc(articles, mode):F3}  at {options.Threshold:F3}: {Line(atDefault)}  |  best at {best.Threshold:F3}: {Line(best.Scores)}"));
            if (command.Option("sweep") is not null)
            {
                output.WriteLine("    pair F1 by threshold: " + string.Join(" ", Thresholds().Select(t =>
                    string.Create(CultureInfo.InvariantCulture, $"{t:F3}:{Score(articles, gold, With(mode, weight, t)).PairF1:F2}"))));
            }
        }

        var clock = Stopwatch.StartNew();
        var stories = new StoryGrouper(options).Group(articles.Select(a => a.Candidate).ToList());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grouping {articles.Count} annotated articles took {clock.Elapsed.TotalMilliseconds:F0} ms"));
        if (command.Option("show") is not null)
        {
            var eventOf = articles.ToDictionary(a => a.Candidate.ArticleName, a => a.EventId, StringComparer.Ordinal);
            foreach (var story in stories)
            {
                output.WriteLine($"  {story.Title} [{string.Join(", ", story.Entities.Select(e => e.DisplayName))}]");
                foreach (var m in story.Members)
                {
                    output.WriteLine($"      {eventOf[m.ArticleName]}  {m.ArticleName["articles/".Length..],-26} {m.Title}");
                }
            }
        }

        var scores = Score(articles, gold, options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"group pairwise_f1={scores.PairF1:F3} bcubed_f1={scores.BCubedF1:F3} clusters={scores.Predicted}/{scores.Gold}"));
        return 0;
    }

    private static ClusterScores Score(List<StoryArticle> articles, List<string> gold, StoryOptions options)
    {
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in new StoryGrouper(options).Group(articles.Select(a => a.Candidate).ToList()))
        {
            foreach (var m in story.Members)
            {
                storyOf[m.ArticleName] = story.Name;
            }
        }

        // The events' articles, plus any unrelated article grouped with one of them: it is its own
        // event, so it counts against precision.
        var eventStories = articles.Take(gold.Count).Select(a => storyOf[a.Candidate.ArticleName]).ToHashSet(StringComparer.Ordinal);
        var scored = articles.Where((a, i) => i < gold.Count || eventStories.Contains(storyOf[a.Candidate.ArticleName])).ToList();
        return ClusterScores.Of(scored.Select(a => a.EventId).ToList(), scored.Select(a => storyOf[a.Candidate.ArticleName]).ToList());
    }

    /// <summary>
    /// Chance that a pair of articles from one event scores above a pair from two events: how well
    /// the similarity separates them, whatever the threshold.
    /// </summary>
    private static double PairAuc(List<StoryArticle> articles, StoryOptions options)
    {
        var similarity = new StorySimilarity(articles.Select(a => a.Candidate).ToList(), options);
        List<double> same = [], different = [];
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                (articles[i].EventId == articles[j].EventId ? same : different).Add(similarity.Of(i, j));
            }
        }

        double wins = 0;
        foreach (var s in same)
        {
            wins += different.Sum(d => s > d ? 1 : s == d ? 0.5 : 0);
        }

        return wins / ((double)same.Count * different.Count);
    }

    private static string Line(ClusterScores s) => string.Create(CultureInfo.InvariantCulture,
        $"pair P/R/F1 {s.PairPrecision:F3}/{s.PairRecall:F3}/{s.PairF1:F3}  B3 P/R/F1 {s.BCubedPrecision:F3}/{s.BCubedRecall:F3}/{s.BCubedF1:F3}  clusters {s.Predicted}/{s.Gold}");

    private static IEnumerable<double> Thresholds() => Enumerable.Range(2, 23).Select(i => i * 0.0125);

    private static StoryOptions With(StoryOptions o, double entityWeight, double threshold) => new()
    {
        EntityWeight = entityWeight,
        Threshold = threshold,
        LeadWords = o.LeadWords,
        IdfPriorDocuments = o.IdfPriorDocuments,
        IdfCeilingRatio = o.IdfCeilingRatio,
        TimeWindowHours = o.TimeWindowHours,
        TimeHalfLifeHours = o.TimeHalfLifeHours,
    };

    private static StoryOptions Options(CommandLine command)
    {
        var defaults = new StoryOptions();
        return new StoryOptions
        {
            EntityWeight = Number(command.Option("entity-weight")) ?? defaults.EntityWeight,
            Threshold = Number(command.Option("threshold")) ?? defaults.Threshold,
            LeadWords = (int?)Number(command.Option("lead-words")) ?? defaults.LeadWords,
            IdfPriorDocuments = Number(command.Option("idf-prior")) ?? defaults.IdfPriorDocuments,
            IdfCeilingRatio = Number(command.Option("idf-ceiling")) ?? defaults.IdfCeilingRatio,
        };
    }

    private static double? Number(string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"Not a number: '{text}'.");
}
