using System.Globalization;
using Summaries.Evaluation.Briefings;
using Summaries.Ingestion.Cleaning;
using Summaries.Language;
using Summaries.Summary.Facts;
using Summaries.Summary.Writing;
using Summaries.Testing.Pathological;

namespace Summaries.Evaluation;

/// <summary>
/// <c>pathological --cancel-gaps on</c>: for each stage that takes a cancellation token, the longest it
/// went on after its token fired (its thread's processor time), with the token fired at
/// <see cref="Points"/> places spread over the stage's uncancelled run. Each run starts from fresh
/// inputs (a new fact sheet), so no cache kept per sheet is warm.
/// </summary>
internal static class PathologicalCancelGaps
{
    private const int Points = 12;

    public static void WriteHeader(TextWriter output) =>
        output.WriteLine($"{"input",-22} {"stage",-14} {"run ms",10} {"longest after token ms",24}");

    /// <summary>The gaps of every stage on <paramref name="text"/>; returns the longest.</summary>
    public static double Print(string name, string text, RuleBasedAnnotator annotator, BriefingPipeline pipeline, TextWriter output)
    {
        var cleaned = TextCleaner.Clean(text).Text;
        var source = pipeline.Source("articles/pathological", "Pathological", cleaned, "Test Wire", registered: true);
        var draft = pipeline.Write(pipeline.Sheet([source]), DraftLength.Medium);
        (string Stage, Func<Action<CancellationToken>> Prepare)[] stages =
        [
            ("cleaning", () => token => TextCleaner.Clean(text, token)),
            ("annotation", () => token => annotator.Annotate(cleaned, null, token)),
            ("fact-sheet", () => token => new FactSheetBuilder().Build([source], token)),
            ("writing", () =>
            {
                var sheet = pipeline.Sheet([source]);
                return token => pipeline.Writer.Write(sheet, WritingRequest.For(DraftLength.Medium), token);
            }),
            ("verification", () =>
            {
                var sheet = pipeline.Sheet([source]);
                return token => pipeline.Verifier.Verify(draft, sheet, token);
            }),
        ];

        var worst = 0.0;
        foreach (var (stage, prepare) in stages)
        {
            var work = prepare();
            var run = BoundedWork.Time(() => work(CancellationToken.None));
            var longest = TimeSpan.Zero;
            for (var i = 1; i <= Points; i++)
            {
                var cancelled = BoundedWork.CancelledAt(prepare(), run * i / (Points + 1));
                if (cancelled.Cancelled && cancelled.Late > longest)
                {
                    longest = cancelled.Late;
                }
            }

            worst = Math.Max(worst, longest.TotalMilliseconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {stage,-14} {run.TotalMilliseconds,10:F1} {longest.TotalMilliseconds,24:F0}"));
        }

        return worst;
    }
}
