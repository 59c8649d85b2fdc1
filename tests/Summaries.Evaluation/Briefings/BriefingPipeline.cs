using Summaries.Contracts.Summary.V1;
using Summaries.Entity.Grpc;
using Summaries.Entity.Registry;
using Summaries.Language;
using Summaries.Language.Tagging;
using Summaries.Summary.Clients;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Sources;
using Summaries.Summary.Support;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Evaluation.Briefings;

/// <summary>
/// The services' own annotation and briefing code, run in-process (no gRPC): the entity
/// service's default annotator, the fact sheet, the built-in writer and the verifier.
/// </summary>
internal sealed class BriefingPipeline
{
    private readonly ITextAnnotator _annotator = NerAnnotators.Hybrid(NerModel.LoadShipped());
    private readonly FactSheetBuilder _facts = new();

    public BriefingPipeline()
    {
        Lexicon = LoadedLexicon.LoadDefault();
        // One support check for the writer and the verifier, as the service has: a sheet is read once.
        var support = new SheetSupport(SupportChecker.LoadDefault(), Lexicon);
        Writer = new BuiltInBriefingWriter(new Neutralizer(Lexicon), support);
        Verifier = new DraftVerifier(Lexicon, support: support);
    }

    public LoadedLexicon Lexicon { get; }

    public BuiltInBriefingWriter Writer { get; }

    public DraftVerifier Verifier { get; }

    /// <summary>
    /// One annotated source. With <paramref name="registered"/>, entities get the registry names the
    /// entity service would give them (<c>entities/{type}-{slug}</c>), as the summary service sees them.
    /// </summary>
    public SourceDocument Source(string name, string title, string body, string source = "", bool registered = false)
    {
        var found = _annotator.Annotate(body, title);
        var names = registered ? found.Entities.ToDictionary(e => e.Key, e => EntityNames.For(e.Kind, e.DisplayName), StringComparer.Ordinal) : null;
        // As the summary service receives it: the entity service's wire message, read by its client.
        var annotation = SourceMapper.ToDomain(AnnotationMapper.ToProto(ArticleAnnotation.Of(body, found, name, names)));
        return new SourceDocument(name, title, body, source, null, string.Empty, annotation);
    }

    public FactSheet Sheet(IReadOnlyList<SourceDocument> sources) => _facts.Build(sources);

    public BriefingDraft Write(FactSheet sheet, DraftLength length) => Writer.Write(sheet, WritingRequest.For(length));

    public static DraftLength ParseLength(string? text) => text switch
    {
        null or "short" => DraftLength.Short,
        "medium" => DraftLength.Medium,
        "long" => DraftLength.Long,
        _ => throw new UsageException($"Unknown length '{text}': use short, medium or long."),
    };
}
