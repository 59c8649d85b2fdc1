using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Llm;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Llm;

public sealed class StreamingDraftParserTests
{
    private const string Answer = """
        {"headline":"Talks in Geneva 🇨🇭","headline_fact_ids":["a1.s0"],"sections":[
          {"kind":"what_happened","sentences":[{"text":"Ministers met in Geneva — on Tuesday.","fact_ids":["a1.s0"]}]},
          {"kind":"position","party":"Person:Ana Ruiz","sentences":[{"text":"Ana Ruiz said: “We want a fair deal”.","fact_ids":["a1.s1"],"speaker":"Person:Ana Ruiz"}]},
          {"kind":"context","sentences":[{"text":"The two countries have disputed the border for 30 years.","fact_ids":["a1.s4"]}]}]}
        """;

    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

    [Fact]
    public void Append_CutAtEveryPosition_SamePartsAndWholeDraftAsTheWholeAnswer()
    {
        var expected = DraftJsonParser.Parse(Answer, _sheet);

        for (var cut = 0; cut <= Answer.Length; cut++)
        {
            var parser = Parser();
            var parts = parser.Append(Answer[..cut]).Concat(parser.Append(Answer[cut..])).ToList();

            AssertParts(expected, parts, $"cut at {cut}");
            Assert.True(parser.IsComplete);
            AssertSameDraft(expected, parser.Complete());
        }
    }

    [Fact]
    public void Append_OneCharacterAtATimeInAFence_SectionReportedWhenItsBraceArrives()
    {
        var fenced = "```json\n" + Answer + "\n```";
        var parser = Parser();
        var reported = new List<(int At, DraftPart Part)>();

        for (var i = 0; i < fenced.Length; i++)
        {
            reported.AddRange(parser.Append(fenced[i].ToString()).Select(p => (i, p)));
        }

        AssertParts(DraftJsonParser.Parse(fenced, _sheet), reported.Select(r => r.Part).ToList(), "one character at a time");
        var firstSectionEnd = fenced.IndexOf("}]},", StringComparison.Ordinal) + 2;
        Assert.Equal(firstSectionEnd, reported.First(r => r.Part is DraftSectionDone).At);
        AssertSameDraft(DraftJsonParser.Parse(fenced, _sheet), parser.Complete());
    }

    [Fact]
    public void Append_ProseInsteadOfJson_InvalidAtOnce()
    {
        Assert.Throws<InvalidLlmOutputException>(() => Parser().Append("Sure! Here is a lovely briefing"));
    }

    [Fact]
    public void Append_GarbageAfterFirstSection_InvalidAfterReportingIt()
    {
        var parser = Parser();
        var upToSecond = Answer[..(Answer.IndexOf("}]},", StringComparison.Ordinal) + 4)];

        var parts = parser.Append(upToSecond);

        Assert.Contains(parts, p => p is DraftSectionDone);
        Assert.Throws<InvalidLlmOutputException>(() => parser.Append("\n<html>502 Bad Gateway</html>"));
    }

    [Fact]
    public void Complete_AnswerCutShort_NotCompleteAndInvalid()
    {
        var parser = Parser();
        parser.Append(Answer[..(Answer.Length / 2)]);

        Assert.False(parser.IsComplete);
        Assert.Throws<InvalidLlmOutputException>(() => parser.Complete());
    }

    private StreamingDraftParser Parser() => new(_sheet, new Dictionary<string, string>());

    private static void AssertParts(BriefingDraft expected, List<DraftPart> parts, string because)
    {
        var headline = Assert.Single(parts.OfType<DraftHeadline>());
        Assert.True(parts[0] is DraftHeadline, because);
        Assert.Equal(expected.Headline, headline.Headline);
        Assert.Equal(expected.HeadlineFactIds, headline.FactIds);
        var sections = parts.OfType<DraftSectionDone>().Select(p => p.Section).ToList();
        Assert.Equal(expected.Sections.Count, sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            AssertSameSection(expected.Sections[i], sections[i]);
        }
    }

    private static void AssertSameDraft(BriefingDraft expected, BriefingDraft actual)
    {
        Assert.Equal(expected.Headline, actual.Headline);
        Assert.Equal(expected.Sections.Count, actual.Sections.Count);
        for (var i = 0; i < expected.Sections.Count; i++)
        {
            AssertSameSection(expected.Sections[i], actual.Sections[i]);
        }
    }

    private static void AssertSameSection(DraftSection expected, DraftSection actual)
    {
        Assert.Equal((expected.Kind, expected.Title, expected.PartyKey), (actual.Kind, actual.Title, actual.PartyKey));
        Assert.Equal(expected.Sentences.Select(s => (s.Text, string.Join(",", s.FactIds), s.SpeakerKey)),
            actual.Sentences.Select(s => (s.Text, string.Join(",", s.FactIds), s.SpeakerKey)));
        Assert.True(Enum.IsDefined(actual.Kind));
    }
}
