using System.Runtime.ExceptionServices;
using Grpc.Core;
using Summaries.Contracts.Summary.V1;

namespace Summaries.EndToEnd.Tests.HostileInput;

/// <summary>
/// Every hostile input against the real processes, one test per input: the exact status and its
/// details. Then, last, the services must still be healthy, quiet in their error logs, and able to
/// write a normal briefing.
/// </summary>
[Collection(HostileSystemCollection.Name)]
[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed class HostileInputTests(HostileSystemFixture system)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(HostileCatalogue.Ids), MemberType = typeof(HostileCatalogue))]
    public async Task HostileInput_Sent_AnsweredAsDocumented(string id)
    {
        var hostile = HostileCatalogue.Find(id);

        // A hang fails the case instead of the run.
        var outcome = await Record.ExceptionAsync(() => hostile.Send(system).WaitAsync(CaseTimeout));

        if (outcome is RpcException rpc)
        {
            Assert.True(hostile.Code == rpc.StatusCode, $"expected {hostile.Code}, got {rpc.StatusCode}: {rpc.Status.Detail}");
            hostile.Detail.Check(rpc);
        }
        else if (outcome is not null)
        {
            // A failed assertion of an OK case, or a hang.
            ExceptionDispatchInfo.Throw(outcome);
        }
        else
        {
            Assert.True(hostile.Code == StatusCode.OK, $"expected {hostile.Code}, but the call succeeded");
        }

        if (hostile.After is not null)
        {
            await hostile.After(system).WaitAsync(CaseTimeout);
        }
    }

    [Fact]
    [RunsLast]
    public async Task AfterTheSuite_EveryService_ServingAndWritesANormalBriefing()
    {
        await system.AssertAllServingAsync();
        var seed = await system.SeedArticleAsync();

        var briefing = (await system.SummaryClient.CreateBriefingAsync(new CreateBriefingRequest
        {
            ArticleNames = { seed.Name },
            Options = new BriefingOptions { Engine = EnginePreference.Builtin, Refresh = true },
        })).Briefing;

        Assert.Equal(EngineKind.Builtin, briefing.Engine.Kind);
        Assert.Empty(briefing.Warnings);
        Assert.Contains("Xi Jinping", briefing.Headline + string.Join(' ', briefing.Sections.SelectMany(s => s.Sentences).Select(s => s.Text)), StringComparison.Ordinal);
        Assert.All(briefing.Sections.SelectMany(s => s.Sentences), s => Assert.NotEmpty(s.Citations));
        var errors = system.ErrorLogLines();
        Assert.True(errors.Count == 0, "errors logged during the suite:\n" + string.Join('\n', errors));
    }
}
