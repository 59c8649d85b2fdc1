using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;
using Summaries.Testing.Pathological;

namespace Summaries.Summary.Tests.Verification;

/// <summary>
/// The built-in writer's draft of each pathological source, verified against its sheet, at the
/// longest article ingestion accepts: writing and verification each within the bound.
/// </summary>
public sealed class PathologicalVerificationTests
{
    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();

    public static TheoryData<string> Inputs => PathologicalSources.Inputs;

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Verify_DraftOfPathologicalSource_AnsweredWithinTheBound(string input)
    {
        var sheet = new FactSheetBuilder().Build([PathologicalSources.Document(input)]);
        var support = new SheetSupport(SupportChecker.LoadDefault(), Lexicon);
        var writer = new BuiltInBriefingWriter(new Neutralizer(Lexicon), support);
        var verifier = new DraftVerifier(Lexicon, support: support);

        BriefingDraft? draft = null;
        BoundedWork.AssertWithinBound(input + " (writing)", () => draft = writer.Write(sheet, WritingRequest.For(DraftLength.Long)));
        VerificationResult? result = null;
        BoundedWork.AssertWithinBound(input + " (verification)", () => result = verifier.Verify(draft!, sheet));

        Assert.NotNull(result);
    }
}
