using System.Globalization;
using Summaries.Evaluation.Training;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary><c>train-ner</c>: trains the NER model and writes it, gzip-compressed.</summary>
internal static class TrainNerCommand
{
    public static int Run(CommandLine command, TextWriter output)
    {
        var train = command.Required("train");
        var dev = command.Required("dev");
        var outPath = command.Required("out");
        // By default the unlabelled news is the rest of the shared data set the CoNLL folder sits in.
        var unlabelled = command.Options("unlabelled");
        var sources = unlabelled.Count > 0
            ? unlabelled
            : NerTrainingOptions.DefaultUnlabelledSources(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(train)))!);
        var defaults = new NerTrainingOptions { TrainPath = train, DevPath = dev, UnlabelledSources = sources };
        var options = defaults with
        {
            MaxEpochs = Int(command, "epochs", defaults.MaxEpochs),
            Seed = Int(command, "seed", defaults.Seed),
            Ablate = command.Options("ablate"),
        };
        foreach (var source in sources)
        {
            output.WriteLine($"unlabelled source: {source}");
        }

        var result = NerTrainer.Train(options, output);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        using (var file = File.Create(outPath))
        {
            result.Model.Save(file);
        }

        var size = new FileInfo(outPath).Length;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"train-ner dev_f1={result.DevF1:F4} epoch={result.BestEpoch} seconds={result.Elapsed.TotalSeconds:F0} bytes={size} out={outPath}"));
        return 0;
    }

    private static int Int(CommandLine command, string name, int fallback) =>
        command.Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
