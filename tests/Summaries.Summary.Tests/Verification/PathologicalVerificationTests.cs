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
/// longest article ingestion accepts: writing and verification each within the bound, and each
/// stopping soon after its token fires.
/// </summary>
public sealed class PathologicalVerificationTests
{
    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();

    // Loaded once: the stop-on-cancel runs build their stages inside the work they time.
    private static readonly SupportChecker Checker = SupportChecker.LoadDefault();

    public static TheoryData<string> Inputs => PathologicalSources.Inputs;

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Verify_DraftOfPathologicalSource_AnsweredWithinTheBound(string input)
    {
        var (writer, verifier) = Stages();
        var normalSheet = new FactSheetBuilder().Build([PathologicalSources.Document("normal")]);
        var normalDraft = writer.Write(normalSheet, WritingRequest.For(DraftLength.Long));
        var normalVerification = BoundedWork.Time(() => verifier.Verify(normalDraft, normalSheet));
        var normalWriting = BoundedWork.Time(() => writer.Write(normalSheet, WritingRequest.For(DraftLength.Long)));
        (writer, verifier) = Stages();
        var sheet = new FactSheetBuilder().Build([PathologicalSources.Document(input)]);

        BriefingDraft? draft = null;
        BoundedWork.AssertWithinBound(input + " (writing)", () => draft = writer.Write(sheet, WritingRequest.For(DraftLength.Long)), normalWriting);
        VerificationResult? result = null;
        BoundedWork.AssertWithinBound(input + " (verification)", () => result = verifier.Verify(draft!, sheet), normalVerification);

        Assert.NotNull(result);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void WriteAndVerify_CancelledWhileWorking_StopWithinASecond(string input)
    {
        var (writer, verifier) = Stages();
        var sheet = new FactSheetBuilder().Build([PathologicalSources.Document(input)]);
        var draft = writer.Write(sheet, WritingRequest.For(DraftLength.Long));

        BoundedWork.AssertStopsWhenCancelled(input + " (writing)", token => Stages().Writer.Write(sheet, WritingRequest.For(DraftLength.Long), token));
        BoundedWork.AssertStopsWhenCancelled(input + " (verification)", token => Stages().Verifier.Verify(draft, sheet, token));
    }

    // Fresh ones per sheet, so no sheet is read from the support check's cache.
    private static (BuiltInBriefingWriter Writer, DraftVerifier Verifier) Stages()
    {
        var support = new SheetSupport(Checker, Lexicon);
        return (new BuiltInBriefingWriter(new Neutralizer(Lexicon), support), new DraftVerifier(Lexicon, support: support));
    }
}
