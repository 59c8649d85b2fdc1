using Summaries.Language.Lexicons;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Recognition;

/// <summary>
/// The rule and gazetteer recogniser: capitalised runs typed by cues, titles and word lists, names
/// inside hyphenated words, and lowercase government bodies. Mentions come back in text order; a
/// government body may contain the place mention that qualifies it.
/// </summary>
internal sealed class RuleMentionRecognizer : IMentionRecognizer
{
    private readonly Lexicon lexicon;
    private readonly TitleFinder titles;
    private readonly NameRunBuilder runs = new();
    private readonly CompoundNameSplitter compounds;
    private readonly NameRunTyper typer;
    private readonly GovernmentBodyFinder bodies;

    public RuleMentionRecognizer(Lexicon lexicon)
    {
        this.lexicon = lexicon;
        titles = new TitleFinder(lexicon);
        compounds = new CompoundNameSplitter(lexicon);
        typer = new NameRunTyper(lexicon, compounds);
        bodies = new GovernmentBodyFinder(lexicon);
    }

    public IReadOnlyList<MentionCandidate> Recognize(TokenizedText text, CancellationToken cancellationToken = default)
    {
        var context = new RecognitionContext(text, lexicon, titles.Find(text));
        var mentions = new List<MentionCandidate>();
        var covered = new bool[text.Count];
        foreach (var run in runs.Build(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = run.First; i <= run.Last; i++)
            {
                covered[i] = true;
            }

            mentions.AddRange(typer.Type(context, run));
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (i % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!covered[i] && text.IsLowercaseWord(i) && compounds.TrySplit(text, i, out var parts))
            {
                mentions.AddRange(parts);
            }
        }

        mentions.AddRange(bodies.Find(text, mentions));
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return mentions;
    }
}
