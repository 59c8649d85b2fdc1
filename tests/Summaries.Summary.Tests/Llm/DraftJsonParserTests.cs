using Summaries.Contracts.Summary.V1;
using Summaries.Summary.Facts;
using Summaries.Summary.Llm;
using Summaries.Summary.Tests.Facts;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Llm;

public sealed class DraftJsonParserTests
{
    private readonly FactSheet _sheet = new FactSheetBuilder().Build([SampleSources.Document()]);

    [Fact]
    public void Parse_FencedValidJson_Draft()
    {
        const string answer = """
            ```json
            {"headline":"Talks in Geneva","headline_fact_ids":["a1.s0"],"sections":[
              {"kind":"what_happened","sentences":[{"text":"Ministers met.","fact_ids":["a1.s0"]}]},
              {"kind":"position","party":"Person:Ana Ruiz","sentences":[{"text":"Ana Ruiz said: “We want a fair deal”.","fact_ids":["a1.s1"],"speaker":"Person:Ana Ruiz"}]}]}
            ```
            """;

        var draft = DraftJsonParser.Parse(answer, _sheet);

        Assert.Equal("Talks in Geneva", draft.Headline);
        Assert.Equal(2, draft.Sections.Count);
        Assert.Equal(DraftSectionKind.Position, draft.Sections[1].Kind);
        Assert.Equal("Position of Ana Ruiz", draft.Sections[1].Title);
        Assert.Equal("Person:Ana Ruiz", draft.Sections[1].Sentences[0].SpeakerKey);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"sections":[]}""")]
    [InlineData("""{"headline":"x","sections":[{"kind":"opinion","sentences":[]}]}""")]
    [InlineData("""{"headline":"x","sections":[{"kind":"position","party":"Person:Nobody","sentences":[{"text":"a","fact_ids":["a1.s0"]}]}]}""")]
    [InlineData("""{"headline":"x","sections":[{"kind":"context","sentences":[]}]}""")]
    public void Parse_MalformedAnswer_Throws(string answer)
    {
        Assert.Throws<InvalidLlmOutputException>(() => DraftJsonParser.Parse(answer, _sheet));
    }
}
