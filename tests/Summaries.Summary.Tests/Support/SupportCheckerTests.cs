using Summaries.Summary.Support;

namespace Summaries.Summary.Tests.Support;

public sealed class SupportCheckerTests
{
    private static readonly SupportChecker Checker = SupportChecker.LoadDefault();

    private static readonly NameForms Names = new(
        [
            new EntityForms(["Lena Okafor", "Okafor", "Ms Okafor"], ["foreign minister"]),
            new EntityForms(["Tomas Brandt", "Brandt", "Mr Brandt"], ["trade envoy"]),
            new EntityForms(["Norvalia"], []),
            new EntityForms(["Estmark"], []),
        ],
        Checker.Lexicon);

    private const string Talks = "Foreign minister Lena Okafor met trade envoy Tomas Brandt in Geneva on Tuesday, the ministry said.";
    private const string Hope = "Ms Okafor hoped to sign the accord with Estmark in the coming months.";
    private const string Blame = "The ministry of Norvalia blamed Estmark for the collapse of the grain talks.";
    private const string Rise = "Grain exports from Norvalia rose by 12 percent in March, officials told reporters.";
    private const string Pronoun = "He later visited the port of Varna, which reopened last year.";

    private static SupportVerdict Check(string claim, params string[] sources) =>
        Checker.Check(claim, sources.Select(Checker.Prepare).ToList(), Names);

    [Theory]
    [InlineData("Lena Okafor met Tomas Brandt in Geneva on Tuesday.", Talks)]
    [InlineData("Tomas Brandt met Lena Okafor in Geneva on Tuesday.", Talks)]
    [InlineData("Okafor hopes to sign the accord with Estmark in the coming months.", Hope)]
    [InlineData("Norvalia's ministry blamed Estmark for the collapse of the grain talks.", Blame)]
    [InlineData("Estmark was blamed by the ministry of Norvalia for the collapse of the grain talks.", Blame)]
    [InlineData("Grain exports from Norvalia rose by 12 percent in March, officials said.", Rise)]
    [InlineData("Grain exports from Norvalia rose by 12 percent in March.", Rise)]
    [InlineData("Foreign minister Okafor met Mr Brandt.", Talks)]
    public void Check_FaithfulRewording_Supported(string claim, string source)
    {
        var verdict = Check(claim, source);

        Assert.True(verdict.Supported, verdict.Failure?.Reason);
    }

    [Theory]
    [InlineData("Ms Okafor refused to sign the accord with Estmark in the coming months.", Hope, SupportFailureKind.Predicate, "refused")]
    [InlineData("Ms Okafor did not hope to sign the accord with Estmark.", Hope, SupportFailureKind.Polarity, "not")]
    [InlineData("The ministry of Norvalia welcomed Estmark's role in the grain talks.", Blame, SupportFailureKind.Predicate, "welcomed")]
    [InlineData("Estmark blamed the ministry of Norvalia for the collapse of the grain talks.", Blame, SupportFailureKind.Participants, "Estmark")]
    [InlineData("Grain exports from Norvalia rose by 15 percent in March.", Rise, SupportFailureKind.Circumstance, "15")]
    [InlineData("Grain exports from Norvalia rose by 12 percent in June.", Rise, SupportFailureKind.Circumstance, "June")]
    [InlineData("Lena Okafor met Tomas Brandt in Vienna on Tuesday.", Talks, SupportFailureKind.Circumstance, "Vienna")]
    [InlineData("Lena Okafor met Tomas Brandt in Geneva on Tuesday in a friendly meeting.", Talks, SupportFailureKind.Stance, "friendly")]
    [InlineData("Lena Okafor met Tomas Brandt and signed a secret pipeline deal.", Talks, SupportFailureKind.NotInSource, "pipeline")]
    [InlineData("Lena Okafor met Marta Quill in Geneva on Tuesday.", Talks, SupportFailureKind.Participants, "Marta")]
    public void Check_FailingClaim_RejectedWithKind(string claim, string source, SupportFailureKind kind, string part)
    {
        var verdict = Check(claim, source);

        Assert.False(verdict.Supported);
        Assert.Equal(kind, verdict.Failure!.Kind);
        Assert.Contains(part, verdict.Failure.Part, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PronounTheAnnotationsResolve_Supported()
    {
        var linked = new HashSet<string>(SupportText.Tokens("Tomas Brandt", Checker.Lexicon).Select(t => t.Key));

        var verdict = Checker.Check("Tomas Brandt later visited the port of Varna.", [Checker.Prepare(Pronoun)], Names, linked);

        Assert.True(verdict.Supported, verdict.Failure?.Reason);
    }

    [Fact]
    public void Find_CiteFree_PicksTheSupportingSentence()
    {
        var document = Checker.PrepareDocument([Talks, Hope, Blame, Rise]);

        var verdict = Checker.Find("Exports of grain from Norvalia rose by 12 percent in March.", document, Names);

        Assert.True(verdict.Supported, verdict.Failure?.Reason);
        Assert.Contains(3, verdict.Sources);
    }

    [Fact]
    public void Find_CiteFree_ClaimAgainstTheArticle_Rejected()
    {
        var document = Checker.PrepareDocument([Talks, Hope, Blame, Rise]);

        var verdict = Checker.Find("Grain exports from Norvalia fell by 12 percent in March.", document, Names);

        Assert.False(verdict.Supported);
        Assert.Equal(SupportFailureKind.Predicate, verdict.Failure!.Kind);
    }

    [Fact]
    public void Find_CiteFree_LowerCasedClaim_NamesStillTold()
    {
        var document = Checker.PrepareDocument([Talks, Hope, Blame, Rise]);

        var verdict = Checker.Find("lena okafor met tomas brandt in geneva on tuesday .", document, Names);

        Assert.True(verdict.Supported, verdict.Failure?.Reason);
    }

    [Fact]
    public void Check_HugeRepetitiveSourceAndLongClaim_AnsweredQuickly()
    {
        var source = string.Concat(Enumerable.Repeat("Ms Okafor met Mr Brandt and Norvalia blamed Estmark. ", 20_000));
        var claim = string.Concat(Enumerable.Repeat("Estmark blamed Norvalia and Mr Brandt met Ms Okafor, ", 40));
        var prepared = Checker.Prepare(source);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var verdict = Checker.Check(claim, [prepared], Names);

        // Generous: the point is that the work does not grow with the product of the two sizes squared.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(SupportFailureKind.Participants, verdict.Failure?.Kind);
    }

    [Theory]
    [InlineData("hoped", "hope")]
    [InlineData("hoping", "hope")]
    [InlineData("refused", "refuse")]
    [InlineData("stopped", "stop")]
    [InlineData("met", "meet")]
    [InlineData("countries", "country")]
    [InlineData("testified", "testify")]
    public void Lemma_RegularAndIrregularForms_ShareAKey(string form, string lemma)
    {
        Assert.Equal(Checker.Lexicon.Lemma(lemma), Checker.Lexicon.Lemma(form));
    }
}
