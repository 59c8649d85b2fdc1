using System.Text.Json.Nodes;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Llm;

/// <summary>
/// A model that writes, beside a good answer, one sentence that gets its cited fact wrong in
/// meaning while keeping its names and numbers (a reversed predicate, a negation, swapped roles,
/// another time or number, a stance, content of its own), or one faithful rewording. For the
/// example article and two more: each wrong sentence is left out with its kind named in the
/// warnings, each faithful one is served. CheckClaim gives the same verdicts without citations.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MeaningThroughLlmTests(SystemFixture system)
{
    private const string Trade =
        "Chile and Peru signed a fishing accord in Lima on Thursday after three days of talks.\n\n" +
        "Chilean trade minister Ana Torres said the accord would cut tariffs on frozen fish by 12 percent.\n\n" +
        "“This is a fair result for our fishermen,” Ms Torres told reporters.\n\n" +
        "Ms Torres thanked Peruvian negotiator Jorge Medina for his work on the accord.\n\n" +
        "The ministry said Peru would not lift its quota on anchovies until 2026.\n\n" +
        "Fishing unions in Peru had opposed the talks.";

    private const string Court =
        "A court in Oslo convicted former bank director Erik Lunde of fraud on Monday.\n\n" +
        "Judge Kari Holm said Lunde had moved 40 million crowns from client accounts over five years.\n\n" +
        "Lunde did not testify during the trial.\n\n" +
        "Prosecutor Eva Dahl questioned Lunde's assistant Ola Nes for two days.\n\n" +
        "His lawyer, Nils Berg, said Lunde would appeal the verdict.\n\n" +
        "Prosecutors had asked for a sentence of six years.";

    /// <summary>Article, a phrase of the fact to cite, the sentence, and the failure kind (null: faithful, to be served).</summary>
    public static TheoryData<string, string, string, string?> Cases => new()
    {
        // The example article: the two reversals seen in the field first.
        { "seed", "in the coming months", "Joe Biden refused to meet Xi Jinping in the coming months.", "predicate" },
        { "seed", "ministry of foreign affairs said", "China's ministry of foreign affairs welcomed Mr Blinken's visit and dropped its complaints.", "predicate" },
        { "seed", "in the coming months", "Mr Biden said on Saturday that he did not hope to meet with Mr Xi in the coming months.", "polarity" },
        { "seed", "in the coming months", "Mr Xi said on Saturday that he hoped to be able to meet with Mr Biden in the coming months.", "participants" },
        { "seed", "in the coming months", "Mr Biden said on Friday that he hoped to be able to meet with Mr Xi in the coming months.", "circumstance" },
        { "seed", "has met Chinese President", "Mr Blinken has met Chinese President Xi Jinping as the top US diplomat wrapped up a three-day visit to Beijing.", "circumstance" },
        { "seed", "in the coming months", "Mr Biden warmly said on Saturday that he hoped to be able to meet with Mr Xi in the coming months.", "stance" },
        { "seed", "has met Chinese President", "US secretary of state Antony Blinken has met Chinese President Xi Jinping and signed a new climate treaty.", "not_in_source" },
        { "seed", "in the coming months", "Joe Biden said on Saturday he hoped to meet Xi Jinping in the coming months.", null },
        { "seed", "has met Chinese President", "US secretary of state Antony Blinken has met Chinese President Xi Jinping.", null },
        { "seed", "has met Chinese President", "Xi Jinping was met by US secretary of state Antony Blinken in Beijing.", null },
        { "seed", "had made commitments", "Mr Blinken said Mr Biden and Mr Xi had made commitments to improve communications.", null },

        { "trade", "signed a fishing accord", "Chile and Peru signed a fishing accord in Lima on Thursday and agreed to build a joint port.", "not_in_source" },
        { "trade", "Ms Torres thanked", "Jorge Medina thanked Ms Torres for his work on the accord.", "participants" },
        { "trade", "would not lift", "The ministry said Peru would lift its quota on anchovies.", "polarity" },
        { "trade", "signed a fishing accord", "Chile and Peru signed a fishing accord in Lima on Thursday after four days of talks.", "circumstance" },
        { "trade", "signed a fishing accord", "Chile and Peru signed a successful fishing accord in Lima on Thursday.", "stance" },
        { "trade", "Fishing unions", "Fishing unions in Peru had supported the talks.", "predicate" },
        { "trade", "signed a fishing accord", "A fishing accord was signed by Chile and Peru in Lima on Thursday.", null },
        { "trade", "fair result", "“This is a fair result for our fishermen,” Ms Torres said.", null },

        { "court", "convicted former bank director", "A court in Oslo acquitted former bank director Erik Lunde of fraud on Monday.", "predicate" },
        { "court", "did not testify", "Lunde testified during the trial.", "polarity" },
        { "court", "questioned Lunde's assistant", "Ola Nes questioned prosecutor Eva Dahl for two days.", "participants" },
        { "court", "convicted former bank director", "A court in Oslo convicted former bank director Erik Lunde of fraud on Friday.", "circumstance" },
        { "court", "Judge Kari Holm said", "Judge Kari Holm angrily said Lunde had moved 40 million crowns from client accounts over five years.", "stance" },
        { "court", "asked for a sentence", "Prosecutors had asked for a sentence of six years and a ban from banking for life.", "not_in_source" },
        { "court", "convicted former bank director", "Erik Lunde was convicted of fraud by a court in Oslo on Monday.", null },
        { "court", "Judge Kari Holm said", "Judge Kari Holm said that Lunde moved 40 million crowns from client accounts.", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CreateBriefing_ModelSentence_ServedOnlyWhenItsFactSupportsIt(string article, string factPhrase, string sentence, string? kind)
    {
        var name = await ArticleAsync(article);
        system.Llm.ExtraSentence = sheet => Cite(sheet, factPhrase, sentence);
        try
        {
            var briefing = (await system.SummaryClient.CreateBriefingAsync(
                new CreateBriefingRequest { ArticleNames = { name }, Options = new BriefingOptions { Refresh = true } })).Briefing;

            var served = briefing.Sections.SelectMany(s => s.Sentences).Select(s => s.Text).ToList();
            var warnings = string.Join("\n", briefing.Warnings);
            Assert.True(briefing.Engine.Kind == EngineKind.Llm, warnings);
            if (kind is null)
            {
                Assert.True(served.Contains(sentence), $"faithful sentence not served; warnings: {warnings}");
            }
            else
            {
                Assert.DoesNotContain(sentence, served);
                Assert.True(
                    briefing.Warnings.Any(w => w.Contains(sentence, StringComparison.Ordinal) && w.Contains($"({kind})", StringComparison.Ordinal)),
                    $"expected ({kind}) for the sentence; warnings: {warnings}");
            }
        }
        finally
        {
            system.Llm.ExtraSentence = null;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CheckClaim_NoCitations_SameVerdict(string article, string factPhrase, string sentence, string? kind)
    {
        _ = factPhrase;
        var name = await ArticleAsync(article);

        var check = await system.SummaryClient.CheckClaimAsync(new CheckClaimRequest { ArticleNames = { name }, Claim = sentence });

        Assert.True(check.Supported == (kind is null), $"{check.FailureKind}: {check.Reason}");
        Assert.NotEmpty(check.Sources);
        if (kind is not null)
        {
            Assert.Equal(kind, KindName(check.FailureKind));
        }
    }

    private static string KindName(SupportFailureKind kind) => kind switch
    {
        SupportFailureKind.Predicate => "predicate",
        SupportFailureKind.Polarity => "polarity",
        SupportFailureKind.Participants => "participants",
        SupportFailureKind.Circumstance => "circumstance",
        SupportFailureKind.Stance => "stance",
        SupportFailureKind.NotInSource => "not_in_source",
        _ => "unspecified",
    };

    private static JsonObject Cite(JsonNode sheet, string phrase, string sentence)
    {
        var fact = sheet["facts"]!.AsArray().FirstOrDefault(f => ((string)f!["text"]!).Contains(phrase, StringComparison.Ordinal));
        if (fact is null)
        {
            // The prompt carries a selection of the facts; a case must cite one of them.
            throw new InvalidOperationException($"no fact sent to the model contains '{phrase}'");
        }
        return new JsonObject { ["text"] = sentence, ["fact_ids"] = new JsonArray((string)fact["id"]!) };
    }

    private async Task<string> ArticleAsync(string article)
    {
        if (article == "seed")
        {
            return (await system.SeedArticleAsync()).Name;
        }

        var (title, body) = article == "trade" ? ("Chile and Peru sign fishing accord", Trade) : ("Oslo court convicts former bank director", Court);
        var created = (await system.IngestionClient.CreateArticleAsync(new CreateArticleRequest
        {
            RequestId = "meaning-" + article,
            Article = new Article { Title = title, Body = body, Source = "Example Wire", Language = "en" },
        })).Article;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await system.IngestionClient.GetArticleAsync(new GetArticleRequest { Name = created.Name })).Article.AnnotationState != AnnotationState.Done)
        {
            Assert.True(DateTime.UtcNow < deadline, "article not annotated within 30 s");
            await Task.Delay(100);
        }

        return created.Name;
    }
}
