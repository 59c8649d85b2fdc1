using Summaries.Evaluation.Training;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation.Tests.Training;

public sealed class NerModelTests
{
    [Fact]
    public void Train_FewSentences_FitsTheTrainingData()
    {
        var model = TinyModel.Train();

        var scorer = NerEvaluator.Score(model, TinyModel.Documents());

        Assert.Equal(1.0, scorer.Overall().F1);
    }

    [Fact]
    public void SaveAndLoad_TrainedModel_TagsTheSameAndWritesTheSameBytes()
    {
        var model = TinyModel.Train();
        var saved = Save(model);

        var loaded = NerModel.Load(new MemoryStream(saved));

        string[] sentence = ["Merkel", "visited", "Berlin", "and", "Siemens", "."];
        Assert.Equal(model.Tag(sentence), loaded.Tag(sentence));
        Assert.Equal(model.StrongMargin, loaded.StrongMargin);
        Assert.Equal(saved, Save(loaded));
    }

    [Fact]
    public void Load_NotAModel_Throws()
    {
        var gzip = new MemoryStream();
        using (var writer = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            writer.Write("not a model, just some bytes"u8);
        }

        gzip.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(gzip));
    }

    [Fact]
    public void Train_SameDataTwice_GivesIdenticalModels()
    {
        Assert.Equal(Save(TinyModel.Train()), Save(TinyModel.Train()));
    }

    private static byte[] Save(NerModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
