using Summaries.Evaluation.Training;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Tests.Training;

/// <summary>A model trained in memory on a few sentences, so tests can exercise training and the file format quickly.</summary>
internal static class TinyModel
{
    public const string Corpus = """
        -DOCSTART- -X- -X- O

        Angela NNP B-NP B-PER
        Merkel NNP I-NP I-PER
        visited VBD B-VP O
        Paris NNP B-NP B-LOC
        . . O O

        Merkel NNP B-NP B-PER
        met VBD B-VP O
        Siemens NNP B-NP B-ORG
        staff NN I-NP O
        . . O O

        -DOCSTART- -X- -X- O

        Reuters NNP B-NP B-ORG
        reported VBD B-VP O
        from IN B-PP O
        Berlin NNP B-NP B-LOC
        on IN B-PP O
        Monday NNP B-NP O
        . . O O

        John NNP B-NP B-PER
        Smith NNP I-NP I-PER
        flew VBD B-VP O
        to TO B-PP O
        Berlin NNP B-NP B-LOC
        . . O O
        """;

    public static List<ConllDocument> Documents() => ConllCorpus.Read(new StringReader(Corpus));

    public static NerModel Train(int epochs = 10)
    {
        var documents = Documents();
        var words = WordTableBuilder.Build(
            documents.SelectMany(d => d.Sentences.Select(s => s.Tokens)), [], LexiconClasses.Words(), seed: 1, TextWriter.Null);
        var names = LexiconClasses.Names();
        var gazetteerBuilder = new GazetteerBuilder();
        documents.ForEach(gazetteerBuilder.Add);
        var gazetteer = gazetteerBuilder.Build();
        var training = documents.Select((d, i) => TrainingDocument.From(d, gazetteerBuilder.LeaveOut(i))).ToList();
        var trainer = new PerceptronTrainer(words, gazetteer, names);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            trainer.Epoch(training, Enumerable.Range(0, training.Count));
        }

        var (features, weights, transitions) = trainer.Average();
        return new NerModel(words, gazetteer, names, FeatureWeights.Quantize(features, weights), transitions, strongMargin: 1f);
    }
}
