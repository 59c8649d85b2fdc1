namespace Summaries.Language.Attribution;

/// <summary>Cues grouped by sentence, so looking for "the cue before this quote" costs a sentence, not the text.</summary>
internal sealed class CueIndex
{
    private static readonly IReadOnlyList<Cue> None = [];

    private readonly Dictionary<int, List<Cue>> bySentence = [];

    public CueIndex(IReadOnlyList<Cue> cues)
    {
        All = cues;
        foreach (var cue in cues)
        {
            if (!bySentence.TryGetValue(cue.Sentence, out var list))
            {
                bySentence[cue.Sentence] = list = [];
            }

            list.Add(cue);
        }
    }

    public IReadOnlyList<Cue> All { get; }

    /// <summary>The sentence's cues in text order.</summary>
    public IReadOnlyList<Cue> In(int sentence) => bySentence.TryGetValue(sentence, out var list) ? list : None;
}
