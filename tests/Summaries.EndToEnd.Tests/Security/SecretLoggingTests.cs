using System.Data.Common;
using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Contracts.Ingestion.V1;
using Summaries.Contracts.Summary.V1;
using Summaries.EndToEnd.Tests.Infrastructure;

namespace Summaries.EndToEnd.Tests.Security;

/// <summary>
/// Secrets never reach the logs: API keys (accepted and refused), the LLM's API key and a database
/// password, through successful and failing calls, with every process logging at Debug.
/// </summary>
[Collection(SecuredSystemCollection.Name)]
public sealed class SecretLoggingTests(SecuredSystemFixture system)
{
    [Fact]
    public async Task Logs_AfterGoodAndBadCallsAtDebug_HoldNoSecret()
    {
        var refused = new List<string>();
        var seed = await system.SeedArticleAsync();

        // Successful calls with keys: a briefing written by the LLM (its key sent), then one whose LLM call fails.
        using (var summaryChannel = system.DashboardChannel(system.Summary))
        {
            var summary = new SummaryService.SummaryServiceClient(summaryChannel);
            system.Llm.Behaviour = LlmBehaviour.Valid;
            var written = await summary.CreateBriefingAsync(new CreateBriefingRequest
            {
                ArticleNames = { seed.Name },
                Options = new BriefingOptions { Engine = EnginePreference.Auto, Refresh = true },
            });
            Assert.Equal(EngineKind.Llm, written.Briefing.Engine.Kind);
            try
            {
                system.Llm.Behaviour = LlmBehaviour.ServerError;
                var fallback = await summary.CreateBriefingAsync(new CreateBriefingRequest
                {
                    ArticleNames = { seed.Name },
                    Options = new BriefingOptions { Engine = EnginePreference.Auto, Refresh = true },
                });
                Assert.Equal(EngineKind.Builtin, fallback.Briefing.Engine.Kind);
            }
            finally
            {
                system.Llm.Behaviour = LlmBehaviour.Valid;
            }
        }

        // Refused calls: a wrong key in each header form on every service, and none at all.
        foreach (var service in system.Services)
        {
            foreach (var header in new[] { "x-api-key", "authorization" })
            {
                var wrong = SecuredSystemFixture.NewSecret();
                refused.Add(wrong);
                using var channel = system.Channel(service, (header, header == "authorization" ? "Bearer " + wrong : wrong));
                Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => AnyCall(service, channel))).StatusCode);
            }

            using var noKey = system.Channel(service);
            Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => AnyCall(service, noKey))).StatusCode);
        }

        var databasePassword = SecuredSystemFixture.NewSecret();
        await using var failedStart = await StartIngestionWithDatabasePasswordAsync(databasePassword);

        var secrets = system.Secrets.Concat(refused).Append(databasePassword).ToList();
        foreach (var process in system.Services.Append(failedStart))
        {
            var output = string.Join('\n', process.Output);
            foreach (var secret in secrets)
            {
                // A prefix too: a truncated secret is still a leak.
                Assert.DoesNotContain(secret[..16], output, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The logs searched are the real, detailed ones: Debug lines, and callers named by key id.
        Assert.Contains(system.Entity.Output, l => l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal));
        Assert.Contains(system.Entity.Output, l => l.Contains("\"ClientId\":\"dashboard\"", StringComparison.Ordinal));
        Assert.Contains(system.Entity.Output, l => l.Contains("\"ClientId\":\"ingestion\"", StringComparison.Ordinal));
        Assert.Contains(system.Entity.Output, l => l.Contains("API key not accepted", StringComparison.Ordinal));
    }

    private static async Task AnyCall(ServiceProcess service, Grpc.Net.Client.GrpcChannel channel)
    {
        switch (service.Name)
        {
            case "Summaries.Entity":
                await new EntityService.EntityServiceClient(channel).ListEntitiesAsync(new ListEntitiesRequest());
                break;
            case "Summaries.Ingestion":
                await new IngestionService.IngestionServiceClient(channel).ListArticlesAsync(new ListArticlesRequest());
                break;
            default:
                await new SummaryService.SummaryServiceClient(channel).ListBriefingsAsync(new ListBriefingsRequest());
                break;
        }
    }

    /// <summary>
    /// An ingestion process whose PostgreSQL password is wrong (or whose server is absent): it fails
    /// at start, logging why. Runs at Debug like the others; returned once it has exited.
    /// </summary>
    private static async Task<ServiceProcess> StartIngestionWithDatabasePasswordAsync(string password)
    {
        var server = new DbConnectionStringBuilder
        {
            ConnectionString = Environment.GetEnvironmentVariable("SUMMARIES_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=summaries;Database=summaries_test",
        };
        var connection = $"Host={server["Host"]};Port={(server.TryGetValue("Port", out var port) ? port : 5432)};Username={server["Username"]};Database={server["Database"]};Password={password};Timeout=5";
        var process = ServiceProcess.Start("Summaries.Ingestion", FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__Ingestion"] = connection,
            ["Seeds__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
        });
        try
        {
            var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.NotEqual(0, exitCode);
            Assert.Contains(process.Output, l => l.Contains("Npgsql", StringComparison.Ordinal) || l.Contains("password authentication", StringComparison.Ordinal));
            return process;
        }
        catch
        {
            // A server that let it in (trust authentication) leaves it running: it must not outlive the test.
            await process.DisposeAsync();
            throw;
        }
    }
}
