using System.Globalization;
using Summaries.Language;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary>
/// <c>quotes</c>: direct-quote speaker F1 of the annotator on PolNeAR JSONL. <c>--recognizer</c>
/// picks the mention recogniser under the annotator: <c>hybrid</c> (the default, as the service
/// runs: model plus the rules' extras), <c>ner</c> (the trained model alone) or <c>rules</c>;
/// <c>--errors N</c> lists N quotes given the wrong speaker; <c>--spurious N</c> lists N quotes
/// found where the gold data has none; <c>--missed N</c> lists N gold quotes nothing was found at.
/// </summary>
internal static class QuotesCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var path = command.RequiredPositional(0, "<polnear-jsonl>");
        var annotator = AnnotatorChoice.Create(command, output);
        var scorer = new QuoteScorer();
        foreach (var record in PolnearRecord.ReadAll(path))
        {
            scorer.Add(record, annotator.Annotate(record.Text));
        }

        output.Write(scorer.Report());
        if (command.Option("errors") is { } errors)
        {
            // --errors N: the first N quotes found where a gold quote is but given another speaker.
            foreach (var (quote, predicted, gold) in scorer.WrongSpeakers.Take(int.Parse(errors, CultureInfo.InvariantCulture)))
            {
                output.WriteLine($"wrong speaker: predicted '{predicted}', gold '{gold}'\n    {quote}");
            }
        }

        if (command.Option("spurious") is { } spurious)
        {
            foreach (var (quote, predicted) in scorer.Spurious.Take(int.Parse(spurious, CultureInfo.InvariantCulture)))
            {
                output.WriteLine($"spurious: predicted '{predicted}'\n    {quote}");
            }
        }

        if (command.Option("missed") is { } missed)
        {
            foreach (var (quote, gold) in scorer.Missed.Take(int.Parse(missed, CultureInfo.InvariantCulture)))
            {
                output.WriteLine($"missed: gold '{gold}'\n    {quote}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quotes speaker_f1={scorer.F1:F4}"));
        return 0;
    }
}

/// <summary>The annotator the <c>--recognizer</c> option asks for.</summary>
internal static class AnnotatorChoice
{
    public static ITextAnnotator Create(CommandLine command, TextWriter output)
    {
        // The service runs the hybrid recogniser by default (Entity:Recognizer), so the tool does too.
        var recognizer = command.Option("recognizer") ?? "hybrid";
        output.WriteLine($"recognizer: {recognizer}");
        return recognizer switch
        {
            "rules" => new RuleBasedAnnotator(),
            "ner" => NerAnnotators.WithModel(ModelLoader.Load(command, output)),
            "hybrid" => NerAnnotators.Hybrid(ModelLoader.Load(command, output)),
            _ => throw new UsageException($"Unknown recognizer '{recognizer}': use rules, ner or hybrid."),
        };
    }
}
