using System.Text.RegularExpressions;
using Summaries.Summary.Facts;
using Summaries.Summary.Neutrality;
using Summaries.Summary.Support;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Verification;
using Summaries.Summary.Writing;
using Summaries.Summary.Writing.BuiltIn;

namespace Summaries.Summary.Tests.Writing.BuiltIn;

public sealed partial class SourceAgreementTests
{
    private const int Reports = 300;

    private static readonly LoadedLexicon Lexicon = LoadedLexicon.LoadDefault();

    private static FactSheet ManyReports() =>
        new FactSheetBuilder().Build([GeneratedReports.Report(0, reworded: true), .. Enumerable.Range(0, Reports).Select(i => GeneratedReports.Report(i))]);

    [Fact]
    public void Supporting_TemplateReportsOfOtherTopicsPlacesAndDays_NotCited()
    {
        var sheet = ManyReports();
        var (topic, city, day) = GeneratedReports.Event(0);
        var fact = sheet.Facts.First(f => f.ArticleName == "articles/report0" && f.SentenceIndex == 0);

        var supporting = new SourceAgreement(sheet, SheetSupport.Default).Supporting(fact);

        var texts = supporting.Select(id => sheet.FindFact(id)!.Text).ToList();
        Assert.All(texts, t => Assert.True(t.Contains(topic, StringComparison.Ordinal) && t.Contains(city, StringComparison.Ordinal) && t.Contains($"day {day}", StringComparison.Ordinal), t));
        Assert.Contains(supporting, id => sheet.FindFact(id)!.ArticleName == "articles/report0b");
    }

    [Fact]
    public void WriteThenKeep_ManySimilarReports_EveryCitationCarriesItsSentencesNamesAndNumbers()
    {
        var sheet = ManyReports();
        var verifier = new DraftVerifier(Lexicon);

        var (draft, _) = verifier.Keep(new BuiltInBriefingWriter(new Neutralizer(Lexicon)).Write(sheet, new WritingRequest(14)), sheet);

        var sentences = draft.Sections.SelectMany(s => s.Sentences).ToList();
        Assert.NotEmpty(sentences);
        foreach (var sentence in sentences)
        {
            var tokens = NumbersAndNames().Matches(sentence.Text).Select(m => m.Value)
                .Where(w => w is not ("On" or "Chinese" or "President" or "Officials" or "The")).ToList();
            foreach (var id in sentence.FactIds)
            {
                var source = sheet.FindFact(id)!.Text;
                Assert.All(tokens, t => Assert.True(source.Contains(t, StringComparison.Ordinal), $"{id} “{source}” lacks '{t}' of “{sentence.Text}”"));
            }
        }
    }

    [GeneratedRegex(@"\b(?:\d+|\p{Lu}\p{L}+)\b")]
    private static partial Regex NumbersAndNames();
}
