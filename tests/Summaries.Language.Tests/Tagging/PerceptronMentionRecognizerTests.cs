using Summaries.Language;
using Summaries.Language.Recognition;
using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

public sealed class PerceptronMentionRecognizerTests
{
    private static readonly Lazy<NerModel> Model = new(NerModel.LoadShipped);
    private readonly RuleBasedAnnotator annotator = new();

    [Fact]
    public void Recognize_NewsText_GivesTypedMentionsWithOffsets()
    {
        const string source = "US secretary of state Antony Blinken met Chinese President Xi Jinping in Beijing on Monday.";
        var text = annotator.Tokenize(source);

        var mentions = new PerceptronMentionRecognizer(Model.Value).Recognize(text);

        var found = mentions.Select(m => (source[m.Start..m.End], m.Kind)).ToList();
        Assert.Contains(("Antony Blinken", EntityKind.Person), found);
        Assert.Contains(("Xi Jinping", EntityKind.Person), found);
        Assert.Contains(("Beijing", EntityKind.Location), found);
        Assert.All(mentions, m => Assert.Equal(text[m.FirstToken].Start, m.Start));
    }

    [Fact]
    public void Recognize_QuotedName_LeavesTheQuoteMarksOut()
    {
        const string source = "“Microsoft” is what Bill Gates founded, he said.";
        var text = annotator.Tokenize(source);

        var mentions = new PerceptronMentionRecognizer(Model.Value).Recognize(text);

        Assert.All(mentions, m => Assert.DoesNotContain('“', source[m.Start..m.End]));
        Assert.Contains(mentions, m => source[m.Start..m.End] == "Bill Gates" && m.Kind == EntityKind.Person);
    }

    [Fact]
    public void Recognize_ConfidentName_IsStrongEvidence()
    {
        var text = annotator.Tokenize("President Joe Biden spoke in Washington on Tuesday.");

        var mentions = new PerceptronMentionRecognizer(Model.Value).Recognize(text);

        Assert.Contains(mentions, m => m.Kind == EntityKind.Person && m.Evidence == Evidence.Strong);
    }
}
