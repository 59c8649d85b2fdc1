using System.Globalization;
using System.Text.Json;
using Summaries.Summary.Writing;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// <c>briefings</c>: the built-in engine against human reference summaries (JSONL with
/// <c>article</c> and <c>reference_summary</c>): ROUGE-1/2/L beside LEAD-3, the share of
/// sentences cited, loaded words per 100 words outside quotes, and verifier rejections.
/// <c>--part tune|test</c> keeps one half of the file (<see cref="EvaluationSplit"/>).
/// </summary>
internal static class BriefingsCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var path = command.RequiredPositional(0, "<jsonl>");
        var length = BriefingPipeline.ParseLength(command.Option("length"));
        var pipeline = new BriefingPipeline();
        var show = int.Parse(command.Option("show") ?? "0", CultureInfo.InvariantCulture);
        var part = command.Option("part");
        var engine = new List<Rouge.Scores>();
        var lead = new List<Rouge.Scores>();
        int sentences = 0, cited = 0, words = 0, loaded = 0, rejected = 0, items = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            if (!EvaluationSplit.Includes(doc.RootElement, part))
            {
                continue;
            }

            var article = doc.RootElement.GetProperty("article").GetString()!;
            var reference = doc.RootElement.GetProperty("reference_summary").GetString()!;
            var source = pipeline.Source($"articles/eval{items++}", string.Empty, article);
            var sheet = pipeline.Sheet([source]);
            // Measured as served: sentences the verifier rejects are left out.
            var (draft, verdict) = pipeline.Verifier.Keep(pipeline.Write(sheet, length), sheet);
            var text = Text(draft);
            rejected += verdict.Problems.Count;
            foreach (var sentence in draft.Sections.SelectMany(s => s.Sentences).Where(s => show > 0 && pipeline.Lexicon.FindOutsideQuotes(s.Text).Count > 0))
            {
                output.WriteLine($"loaded: {sentence.Text}");
            }

            foreach (var problem in verdict.Problems.Where(_ => show > 0))
            {
                output.WriteLine($"rejected: {problem.Reason}: {problem.Sentence}");
            }

            if (items <= show)
            {
                output.WriteLine($"--- article {items}\n{draft.Headline}");
                foreach (var section in draft.Sections)
                {
                    output.WriteLine($"## {section.Title}");
                    section.Sentences.ToList().ForEach(s => output.WriteLine($"- {s.Text} [{string.Join(",", s.FactIds)}]"));
                }

                output.WriteLine($"REFERENCE: {reference}");
            }

            engine.Add(Rouge.Score(text, reference));
            lead.Add(Rouge.Score(string.Join(" ", source.Annotation.Sentences.Take(3).Select(s => s.Text)), reference));
            var all = draft.Sections.SelectMany(s => s.Sentences).ToList();
            sentences += all.Count;
            cited += all.Count(s => s.FactIds.Count > 0 && s.FactIds.All(id => sheet.FindFact(id) is not null));
            words += Rouge.Words(text).Count;
            // Per sentence, as the verifier checks: quotation marks never span sentences of a briefing.
            loaded += all.Sum(s => pipeline.Lexicon.FindOutsideQuotes(s.Text).Count);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles: {items}, part: {part ?? "all"}, length: {length}, briefing sentences: {sentences}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-10} {"ROUGE-1",8} {"ROUGE-2",8} {"ROUGE-L",8}"));
        Row(output, "built-in", engine);
        Row(output, "LEAD-3", lead);
        var citedShare = sentences == 0 ? 0 : (double)cited / sentences;
        var loadedPer100 = words == 0 ? 0 : 100.0 * loaded / words;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cited sentences: {cited}/{sentences}, loaded words outside quotes: {loaded} in {words} words, verifier rejections: {rejected}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"briefings rouge2={engine.Average(s => s.R2):F4} lead3_rouge2={lead.Average(s => s.R2):F4} cited={citedShare:F3} loaded={loadedPer100:F2}"));
        return 0;
    }

    public static string Text(BriefingDraft draft) =>
        string.Join(" ", draft.Sections.SelectMany(s => s.Sentences).Select(s => s.Text));

    private static void Row(TextWriter output, string name, List<Rouge.Scores> scores) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {scores.Average(s => s.R1),8:F4} {scores.Average(s => s.R2),8:F4} {scores.Average(s => s.RL),8:F4}"));
}
