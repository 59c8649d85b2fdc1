using Summaries.Ingestion.Cleaning;
using Summaries.Testing.Pathological;

namespace Summaries.Ingestion.Tests.Cleaning;

/// <summary>
/// Cleaning each input built to be slow, at the longest body ingestion accepts: answered within the
/// bound, stopped within a second of cancellation, and every offset still mapping back.
/// </summary>
public sealed class TextCleanerPathologicalTests
{
    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Clean_PathologicalInputOfMaximumSize_AnsweredWithinTheBound(string input)
    {
        var body = Build(input);

        CleanedText? cleaned = null;
        BoundedWork.AssertWithinBound(input, () => cleaned = TextCleaner.Clean(body, CancellationToken.None));

        Assert.InRange(cleaned!.Text.Length, 1, body.Length + (body.Length / 30) + 1);
        Assert.InRange(cleaned.ToOriginal(cleaned.Text.Length - 1), 0, body.Length - 1);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Clean_PathologicalInputCancelled_StopsWithinASecond(string input)
    {
        var body = Build(input);

        BoundedWork.AssertStopsWhenCancelled(input, token => TextCleaner.Clean(body, token));
    }

    private static string Build(string input) => PathologicalText.All.Single(i => i.Name == input).Build(PathologicalText.MaxArticleChars);
}
