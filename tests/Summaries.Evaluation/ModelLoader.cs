using System.Diagnostics;
using System.Globalization;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary>Loads the NER model from <c>--model</c>, or the one shipped in the entity service.</summary>
internal static class ModelLoader
{
    public static NerModel Load(CommandLine command, TextWriter output)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var path = command.Option("model");
        NerModel model;
        if (path is null)
        {
            model = NerModel.LoadShipped();
        }
        else
        {
            using var stream = File.OpenRead(path);
            model = NerModel.Load(stream);
        }

        var elapsed = watch.Elapsed;
        var megabytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / (1024.0 * 1024.0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {path ?? "shipped"} loaded in {elapsed.TotalMilliseconds:F0} ms, {megabytes:F1} MB in memory"));
        GC.KeepAlive(model);
        return model;
    }
}
