using Summaries.Language.Attribution;
using Summaries.Language.Lexicons;
using Summaries.Language.Recognition;
using Summaries.Language.Resolution;
using Summaries.Language.Segmentation;

namespace Summaries.Language;

/// <summary>
/// Annotates news text with rules and word lists: sentences, tokens, name mentions, canonical
/// entities with their roles, and quotes with their speakers. Each step is its own class; the
/// mention recogniser sits behind <see cref="IMentionRecognizer"/> so a trained model can replace it.
/// Instances hold no per-call state and can be shared between threads.
/// </summary>
public sealed class RuleBasedAnnotator : ITextAnnotator
{
    /// <summary>Recorded with every annotation so stored results can be traced to the rules that made them.</summary>
    public const string Version = "rules-1";

    private readonly SentenceSplitter splitter;
    private readonly Tokenizer tokenizer;
    private readonly IMentionRecognizer recognizer;
    private readonly RoleBinder roleBinder;
    private readonly EntityResolver resolver;
    private readonly QuoteAttributor attributor;
    private readonly Lexicon lexicon;
    private readonly string version;

    public RuleBasedAnnotator()
        : this(Lexicon.Default, null)
    {
    }

    internal RuleBasedAnnotator(Lexicon lexicon, IMentionRecognizer? recognizer, string? version = null)
    {
        this.lexicon = lexicon;
        this.version = version ?? Version;
        splitter = new SentenceSplitter(lexicon);
        tokenizer = new Tokenizer(lexicon);
        this.recognizer = recognizer ?? new RuleMentionRecognizer(lexicon);
        roleBinder = new RoleBinder(lexicon);
        resolver = new EntityResolver(lexicon);
        attributor = new QuoteAttributor(lexicon);
    }

    public TextAnnotation Annotate(string text, string? title = null) => Annotate(text, title, null, CancellationToken.None);

    public TextAnnotation Annotate(string text, string? title, CancellationToken cancellationToken) => Annotate(text, title, null, cancellationToken);

    /// <summary>
    /// The steps in order; <paramref name="stageDone"/> hears each one's name as it ends (the
    /// evaluation tool's <c>pathological</c> command times the stages with it).
    /// </summary>
    internal TextAnnotation Annotate(string text, string? title, Action<string>? stageDone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokenized = Tokenize(text, cancellationToken);
        stageDone?.Invoke("segmentation");
        var candidates = AbuttingNameSplitter.Split(tokenized, recognizer.Recognize(tokenized, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        stageDone?.Invoke("ner");
        var roles = roleBinder.Bind(tokenized, candidates, new MentionKeys(lexicon, text), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var resolved = resolver.Resolve(tokenized, candidates, roles, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        stageDone?.Invoke("resolution");
        var quotes = attributor.Attribute(tokenized, resolved, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        stageDone?.Invoke("attribution");
        var entities = SalienceScorer.Score(resolved, quotes, title, text.Length);
        stageDone?.Invoke("salience");
        return new TextAnnotation(tokenized.Sentences, resolved.Mentions.Select(m => m.Info).ToList(), entities, quotes, version);
    }

    /// <summary>Sentences and tokens only; the first two steps, for callers and tests that need no more.</summary>
    internal TokenizedText Tokenize(string text, CancellationToken cancellationToken = default)
    {
        var sentences = splitter.Split(text, cancellationToken);
        var tokens = new List<Token>(text.Length / 4);
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokenizer.Tokenize(text, sentence, tokens, cancellationToken);
        }

        return new TokenizedText(text, sentences, tokens);
    }
}
