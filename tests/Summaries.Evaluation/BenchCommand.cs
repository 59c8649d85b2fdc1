using System.Globalization;
using Summaries.Evaluation.Training;
using Summaries.Language;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary>
/// <c>bench</c>: annotation throughput on one core, in the service tokenizer's tokens per second:
/// the full rule-based annotation (sentences, tokens, mentions, entities, roles, quotes), the same
/// pipeline with the hybrid recogniser, and NER alone on pre-tokenized text. Files are read first.
/// </summary>
internal static class BenchCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        if (command.Positional.Count == 0)
        {
            throw new UsageException("bench needs at least one text file.");
        }

        output.WriteLine(SingleCore.Pin());
        var texts = command.Positional.Select(File.ReadAllText).ToList();
        var documents = texts.Select(NerAnnotators.Tokenize).ToList();
        var tokens = documents.Sum(d => (long)d.Tokens.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} files, {texts.Sum(t => (long)t.Length)} characters, {tokens} tokens"));
        var minimum = TimeSpan.FromSeconds(Seconds(command));
        var model = ModelLoader.Load(command, output);

        var full = Annotation(new RuleBasedAnnotator(), texts, tokens, minimum);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full annotation (rules):  {full,10:F0} tokens/s"));
        var hybrid = Annotation(NerAnnotators.Hybrid(model), texts, tokens, minimum);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full annotation (hybrid): {hybrid,10:F0} tokens/s"));
        var ner = NerEvaluator.Measure(model, documents, minimum).TokensPerSecond;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner alone:                {ner,10:F0} tokens/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench annotate_tokens_per_s={full:F0} hybrid_tokens_per_s={hybrid:F0} ner_tokens_per_s={ner:F0}"));
        return 0;
    }

    private static double Annotation(ITextAnnotator annotator, List<string> texts, long tokens, TimeSpan minimum) =>
        Throughput.UnitsPerSecond(tokens, () => texts.ForEach(t => annotator.Annotate(t)), minimum);

    private static double Seconds(CommandLine command) =>
        command.Option("seconds") is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : 3;
}
