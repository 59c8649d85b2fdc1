using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Tagging;

/// <summary>
/// Mentions from the trained <see cref="NerModel"/>: the whole text is tagged as one document
/// (every token, punctuation included, as in training), and each entity becomes a candidate.
/// Entities at or above the model's calibrated margin are <see cref="Evidence.Strong"/>; the rest
/// are <see cref="Evidence.Medium"/>, so that resolution lets surer evidence win. Stateless
/// between calls and safe to share across threads.
/// </summary>
internal sealed class PerceptronMentionRecognizer(NerModel model) : IMentionRecognizer
{
    public IReadOnlyList<MentionCandidate> Recognize(TokenizedText text, CancellationToken cancellationToken = default)
    {
        var document = NerAnnotators.ToDocument(text);
        var mentions = new List<MentionCandidate>();
        foreach (var entity in model.CreateTagger().Entities(document, cancellationToken))
        {
            // A name never starts or ends on a quote, dash or bracket, whatever the tagger thinks.
            var first = entity.Start;
            var last = entity.End - 1;
            while (first <= last && !IsNamePart(text, first))
            {
                first++;
            }

            while (last >= first && !IsNamePart(text, last))
            {
                last--;
            }

            if (first > last)
            {
                continue;
            }

            var evidence = entity.Margin >= model.StrongMargin ? Evidence.Strong : Evidence.Medium;
            mentions.Add(MentionCandidate.FromTokens(text, first, last, KindOf(entity.Type), evidence));
        }

        return mentions;
    }

    private static bool IsNamePart(TokenizedText text, int i) => text[i].Kind is TokenKind.Word or TokenKind.Number;

    private static EntityKind KindOf(string type) => NerLabels.TypeIndex(type) switch
    {
        0 => EntityKind.Person,
        1 => EntityKind.Organization,
        2 => EntityKind.Location,
        _ => EntityKind.Misc,
    };
}
