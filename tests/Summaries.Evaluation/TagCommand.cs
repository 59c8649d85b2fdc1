using System.Globalization;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary>
/// <c>tag</c>: reads text from standard input as one document, splits it with the service's
/// tokenizer, and prints each entity with its type and margin, for looking at the model by hand.
/// </summary>
internal static class TagCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var model = ModelLoader.Load(command, output);
        var document = NerAnnotators.Tokenize(Console.In.ReadToEnd());
        foreach (var entity in model.CreateTagger().Entities(document))
        {
            var words = string.Join(' ', Enumerable.Range(entity.Start, entity.End - entity.Start).Select(i => document.Tokens[i]));
            var strength = entity.Margin >= model.StrongMargin ? "strong" : "medium";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entity.Type,-4} {strength} {entity.Margin,8:F2}  {words}"));
        }

        return 0;
    }
}
