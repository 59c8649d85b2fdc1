using System.Globalization;
using Summaries.Evaluation.Training;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary>
/// <c>ner</c>: conlleval-style scores of the NER model on a CoNLL file, and its speed on one core.
/// <c>--predictions &lt;path&gt;</c> also writes "token gold predicted" lines that conlleval itself can read;
/// <c>--recognizer rules|ner|hybrid</c> scores the whole annotator's mentions instead (no timing).
/// </summary>
internal static class NerCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var path = command.RequiredPositional(0, "<conll-file>");
        output.WriteLine(SingleCore.Pin());
        var documents = ConllCorpus.Read(path);
        if (command.Option("recognizer") is not null)
        {
            // The whole annotator on detokenized text: the recognisers compared as the service would run them.
            var pipeline = PipelineTagger.Score(AnnotatorChoice.Create(command, output), documents);
            output.Write(pipeline.Report());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner f1={pipeline.Overall().F1:F4} (annotator pipeline)"));
            return 0;
        }

        var model = ModelLoader.Load(command, output);
        var scorer = NerEvaluator.Score(model, documents);
        output.Write(scorer.Report());
        if (command.Option("predictions") is { } predictions)
        {
            WritePredictions(model, documents, predictions);
        }

        var prepared = documents.Select(d => d.ToNerDocument()).ToList();
        var speed = NerEvaluator.Measure(model, prepared, TimeSpan.FromSeconds(3));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per token: {speed.BytesPerToken:F1} bytes"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner f1={scorer.Overall().F1:F4} tokens_per_s={speed.TokensPerSecond:F0}"));
        return 0;
    }

    private static void WritePredictions(NerModel model, IReadOnlyList<ConllDocument> documents, string path)
    {
        var tagger = model.CreateTagger();
        using var writer = new StreamWriter(path);
        foreach (var document in documents)
        {
            var tags = tagger.Tag(document.ToNerDocument());
            for (var s = 0; s < document.Sentences.Count; s++)
            {
                var sentence = document.Sentences[s];
                for (var i = 0; i < sentence.Tokens.Count; i++)
                {
                    writer.WriteLine($"{sentence.Tokens[i]} {sentence.Tags[i]} {tags[s][i]}");
                }

                writer.WriteLine();
            }
        }
    }
}
