using System.Diagnostics;
using Summaries.Language;
using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;
using Summaries.Language.Tagging;

namespace Summaries.Language.Tests.Tagging;

/// <summary>How the hybrid recogniser combines rule and model mentions, and that it stays linear in their number.</summary>
public sealed class HybridMentionRecognizerTests
{
    private static readonly TokenizedText AnyText = new RuleBasedAnnotator().Tokenize("Any text.");

    [Fact]
    public void Recognize_ModelMentionOverlappingACompoundPart_DroppedForTheParts()
    {
        // "China-US talks": the rules split the hyphenated word, the model saw it as one name.
        var parts = new[] { Candidate(0, 5, MentionSource.CompoundPart), Candidate(6, 8, MentionSource.CompoundPart) };
        var model = new[] { Candidate(0, 8, MentionSource.Name), Candidate(20, 25, MentionSource.Name) };

        var result = Recognize(parts, model);

        Assert.Equal([(0, 5), (6, 8), (20, 25)], result.Select(m => (m.Start, m.End)));
    }

    [Fact]
    public void Recognize_ModelMentionOnARuleNameSpan_TakesTheRuleGroupAndPlace()
    {
        var rules = new[] { Candidate(10, 17, MentionSource.Name) with { Group = "china", Place = "china" } };
        var model = new[] { Candidate(10, 17, MentionSource.Name), Candidate(30, 35, MentionSource.Name) };

        var result = Recognize(rules, model);

        Assert.Equal([("china", "china"), (null, null)], result.Select(m => (m.Group, m.Place)));
    }

    [Fact]
    public void Recognize_HundredThousandMentionsEachSide_LinearNotQuadratic()
    {
        // A hostile text naming someone in each of 100,000 sentences: pairwise matching would be 10^10 steps.
        const int n = 100_000;
        var rules = Enumerable.Range(0, n).Select(i => Candidate(i * 10, i * 10 + 3, i % 2 == 0 ? MentionSource.Name : MentionSource.CompoundPart)).ToList();
        var model = Enumerable.Range(0, n).Select(i => Candidate(i * 10, i * 10 + 3, MentionSource.Name)).ToList();

        var watch = Stopwatch.StartNew();
        var result = Recognize(rules, model);
        watch.Stop();

        // Model mentions on an odd (compound) position are dropped for the part; the rest keep theirs.
        Assert.Equal(n, result.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{n} mentions each took {watch.Elapsed}");
    }

    private static List<MentionCandidate> Recognize(IReadOnlyList<MentionCandidate> rules, IReadOnlyList<MentionCandidate> model) =>
        new HybridMentionRecognizer(new Fixed(rules), new Fixed(model)).Recognize(AnyText).ToList();

    private static MentionCandidate Candidate(int start, int end, MentionSource source) =>
        new(0, 0, start, end, EntityKind.Location, Evidence.Strong, 0) { Source = source };

    private sealed class Fixed(IReadOnlyList<MentionCandidate> mentions) : IMentionRecognizer
    {
        public IReadOnlyList<MentionCandidate> Recognize(TokenizedText text, CancellationToken cancellationToken = default) => mentions;
    }
}
