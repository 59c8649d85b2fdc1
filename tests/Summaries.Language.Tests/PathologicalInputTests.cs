using Summaries.Language.Tagging;
using Summaries.Testing.Pathological;

namespace Summaries.Language.Tests;

/// <summary>
/// The entity service's annotator (segmentation, NER, resolution, attribution) on inputs built to be
/// slow, at the longest article ingestion accepts: each is answered within the bound, and stops
/// within a second of its cancellation token firing. The ratios to a normal article are the
/// evaluation tool's <c>pathological</c> command.
/// </summary>
public sealed class PathologicalInputTests
{
    private static readonly ITextAnnotator Annotator = NerAnnotators.Hybrid(NerModel.LoadShipped());

    private static readonly Lazy<TimeSpan> Normal = new(() => BoundedWork.Time(() => Annotator.Annotate(Build("normal"), null, CancellationToken.None)));

    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Annotate_PathologicalInputOfMaximumSize_AnsweredWithinTheBound(string input)
    {
        var text = Build(input);

        TextAnnotation? annotation = null;
        BoundedWork.AssertWithinBound(input, () => annotation = Annotator.Annotate(text, null, CancellationToken.None), Normal.Value);

        Assert.All(annotation!.Mentions, m => Assert.True(m.Start >= 0 && m.End <= text.Length && m.Start < m.End));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Annotate_PathologicalInputCancelled_StopsWithinASecond(string input)
    {
        var text = Build(input);

        BoundedWork.AssertStopsWhenCancelled(input, token => Annotator.Annotate(text, null, token));
    }

    [Fact]
    public void Annotate_AlreadyCancelled_Throws()
    {
        Assert.Throws<OperationCanceledException>(() => Annotator.Annotate("Xi Jinping met Antony Blinken.", null, new CancellationToken(canceled: true)));
    }

    private static string Build(string input) => PathologicalText.All.Single(i => i.Name == input).Build(PathologicalText.MaxArticleChars);
}
