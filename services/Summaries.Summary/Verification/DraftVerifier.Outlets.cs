using Summaries.Summary.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Verification;

/// <summary>Sentences that attribute what they say to the outlet that reported it.</summary>
public sealed partial class DraftVerifier
{
    /// <summary>
    /// The sentence without an opening "According to X, " that names the outlet of every fact it
    /// cites (<see cref="OutletNames"/>): where sources differ, each version is its outlet's, and
    /// the outlet's name is the sheet's, not a word of the source sentence. Any other opening stays
    /// and is checked as written.
    /// </summary>
    private static DraftSentence WithoutOutlet(DraftSentence sentence, IReadOnlyList<Fact> cited, FactSheet sheet)
    {
        var articles = cited.Select(f => sheet.Articles.FirstOrDefault(a => a.ArticleName == f.ArticleName)).ToList();
        if (articles.Any(a => a is null))
        {
            return sentence;
        }

        return OutletNames.Unattributed(sentence.Text, articles.Distinct().ToList()!) is { } rest ? sentence with { Text = rest } : sentence;
    }
}
