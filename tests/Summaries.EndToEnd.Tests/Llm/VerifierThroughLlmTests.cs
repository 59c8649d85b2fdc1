using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// A model that slips one bad sentence into an otherwise good answer: the verifier rejects
/// exactly that sentence, the rest is served as an LLM briefing, and the warning says why.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class VerifierThroughLlmTests(SystemFixture system)
{
    public static TheoryData<string, string> BadSentences => new()
    {
        { "invented-name", "name not in cited facts" },
        { "invented-number", "number not in cited facts" },
        { "altered-quote", "quote not verbatim" },
        { "misattributed-quote", "not attributed to its speaker" },
        { "loaded-word", "loaded language outside quotes" },
        { "missing-citation", "cites no fact" },
    };

    [Theory]
    [MemberData(nameof(BadSentences))]
    public async Task CreateBriefing_OneBadSentence_OnlyThatSentenceRejected(string kind, string reason)
    {
        var seed = await system.SeedArticleAsync();
        string? badText = null;
        system.Llm.ExtraSentence = sheet =>
        {
            var bad = Build(kind, sheet);
            badText = (string)bad["text"]!;
            return bad;
        };
        try
        {
            var briefing = (await system.SummaryClient.CreateBriefingAsync(
                new CreateBriefingRequest { ArticleNames = { seed.Name }, Options = new BriefingOptions { Refresh = true } })).Briefing;

            Assert.Equal(EngineKind.Llm, briefing.Engine.Kind);
            Assert.Contains(briefing.Warnings, w => w.Contains("1 LLM sentence(s) failed verification", StringComparison.Ordinal) && w.Contains(reason, StringComparison.Ordinal));
            Assert.DoesNotContain(briefing.Sections.SelectMany(s => s.Sentences), s => s.Text == badText);
            Assert.Contains(briefing.Sections, s => s.Kind == SectionKind.Position);
        }
        finally
        {
            system.Llm.ExtraSentence = null;
        }
    }

    /// <summary>One bad sentence of the given kind, made from the fact sheet the model was sent.</summary>
    private static JsonObject Build(string kind, JsonNode sheet)
    {
        var facts = sheet["facts"]!.AsArray().Select(f => (Id: (string)f!["id"]!, Text: (string)f!["text"]!)).ToList();
        var entities = sheet["entities"]!.AsArray().ToDictionary(e => (string)e!["key"]!, e => (string)e!["name"]!);
        var lead = facts.First(f => !f.Text.Contains('“', StringComparison.Ordinal));
        var direct = sheet["quotes"]!.AsArray().First(q => (bool)q!["direct"]! && Quoted().IsMatch(facts.First(f => f.Id == (string)q["fact_id"]!).Text))!;
        var quoteFact = facts.First(f => f.Id == (string)direct["fact_id"]!);
        var words = Quoted().Match(quoteFact.Text).Groups[1].Value.Trim().TrimEnd(',', '.');
        var speaker = entities[(string)direct["speaker"]!];
        var other = entities.First(e => e.Key != (string)direct["speaker"]!).Value;
        return kind switch
        {
            "invented-name" => Sentence("Angela Merkel attended the meeting.", lead.Id),
            "invented-number" => Sentence("The meeting lasted 97 hours.", lead.Id),
            "altered-quote" => Sentence($"{speaker} said: “{words} and nothing else matters”.", quoteFact.Id),
            "misattributed-quote" => Sentence($"{other} said: “{words}”.", quoteFact.Id),
            "loaded-word" => Sentence("The meeting came amid soaring tensions.", lead.Id),
            _ => new JsonObject { ["text"] = lead.Text, ["fact_ids"] = new JsonArray() },
        };
    }

    private static JsonObject Sentence(string text, string factId) =>
        new() { ["text"] = text, ["fact_ids"] = new JsonArray(factId) };

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quoted();
}
