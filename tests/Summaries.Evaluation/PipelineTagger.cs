using System.Text;
using Summaries.Evaluation.Training;
using Summaries.Language;
using Summaries.Language.Tagging;

namespace Summaries.Evaluation;

/// <summary>
/// Tags CoNLL documents through a full annotator, to compare recognisers on the same gold: each
/// document is written out as text (tokens joined by spaces, one sentence per line), annotated,
/// and every mention mapped back to the CoNLL tokens its characters cover. Mentions the pipeline
/// adds beyond names (role references, lowercase government bodies) count against it, as they
/// would not be CoNLL entities.
/// </summary>
internal static class PipelineTagger
{
    public static NerScorer Score(ITextAnnotator annotator, IReadOnlyList<ConllDocument> documents)
    {
        var scorer = new NerScorer();
        foreach (var document in documents)
        {
            var (text, starts) = Detokenize(document);
            var tags = document.Sentences.Select(s => Enumerable.Repeat("O", s.Tokens.Count).ToArray()).ToArray();
            foreach (var mention in annotator.Annotate(text).Mentions)
            {
                Mark(tags, starts, mention);
            }

            for (var s = 0; s < document.Sentences.Count; s++)
            {
                scorer.Add(document.Sentences[s].Tags, tags[s]);
            }
        }

        return scorer;
    }

    private static (string Text, List<(int Sentence, int Token, int Start, int End)> Starts) Detokenize(ConllDocument document)
    {
        var builder = new StringBuilder();
        var starts = new List<(int, int, int, int)>();
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var tokens = document.Sentences[s].Tokens;
            for (var t = 0; t < tokens.Count; t++)
            {
                if (t > 0)
                {
                    builder.Append(' ');
                }

                starts.Add((s, t, builder.Length, builder.Length + tokens[t].Length));
                builder.Append(tokens[t]);
            }

            builder.Append('\n');
        }

        return (builder.ToString(), starts);
    }

    private static void Mark(string[][] tags, List<(int Sentence, int Token, int Start, int End)> tokens, MentionInfo mention)
    {
        var covered = tokens.Where(t => t.Start < mention.End && mention.Start < t.End).ToList();
        if (covered.Count == 0 || covered.Any(t => t.Sentence != covered[0].Sentence))
        {
            return;
        }

        var sentence = tags[covered[0].Sentence];
        if (covered.Any(t => sentence[t.Token] != "O"))
        {
            return;
        }

        var type = mention.Kind switch
        {
            EntityKind.Person => "PER",
            EntityKind.Organization => "ORG",
            EntityKind.Location => "LOC",
            _ => "MISC",
        };
        for (var i = 0; i < covered.Count; i++)
        {
            sentence[covered[i].Token] = (i == 0 ? "B-" : "I-") + type;
        }
    }
}
