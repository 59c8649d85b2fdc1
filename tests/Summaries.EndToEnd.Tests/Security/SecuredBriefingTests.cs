using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>The whole flow with TLS and keys on every hop: seed → ingestion → entity (dns:///, mutual TLS) → summary.</summary>
[Collection(SecuredSystemCollection.Name)]
public sealed class SecuredBriefingTests(SecuredSystemFixture system)
{
    [Fact]
    public async Task CreateBriefing_SeedThroughTlsAndApiKeys_IsCited()
    {
        var seed = await system.SeedArticleAsync();
        using var channel = system.DashboardChannel(system.Summary);

        var response = await new SummaryService.SummaryServiceClient(channel).CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin },
        });

        var sentences = response.Briefing.Sections.SelectMany(s => s.Sentences).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.All(s.Citations, c => Assert.Equal(seed.Name, c.ArticleName)));
        Assert.All(sentences, s => Assert.NotEmpty(s.Citations));
        // Entities came from the entity service through the summary service's own TLS client and key.
        Assert.Contains(sentences, s => s.SpeakerDisplayName.Contains("Xi", StringComparison.Ordinal));
    }
}
