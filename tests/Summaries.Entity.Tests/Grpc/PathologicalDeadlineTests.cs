using System.Diagnostics;
using Grpc.Core;
using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Registry;
using Summaries.Testing.Pathological;

namespace Summaries.Entity.Tests.Grpc;

/// <summary>Alone, so the process's CPU time measures only the service's leftover work.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCpuCollection
{
    public const string Name = "process CPU";
}

/// <summary>
/// AnnotateText over real gRPC with each pathological text of the longest length the service
/// accepts and a short deadline: answered (any status) within the bound, and once answered the
/// service spends no more CPU on it.
/// </summary>
[Collection(ProcessCpuCollection.Name)]
public sealed class PathologicalDeadlineTests : IDisposable
{
    private readonly EntityServiceFixture _service = new();

    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task AnnotateText_PathologicalTextWithDeadline_AnsweredWithinTheBoundNoCpuAfter(string input)
    {
        var text = PathologicalText.All.Single(i => i.Name == input).Build(EntityAnnotationService.MaxTextLength);
        await _service.Client.AnnotateTextAsync(new AnnotateTextRequest { Text = "Warm-up for Xi Jinping." });

        var clock = Stopwatch.StartNew();
        try
        {
            await _service.Client.AnnotateTextAsync(new AnnotateTextRequest { Text = text }, deadline: DateTime.UtcNow.AddMilliseconds(300));
        }
        catch (RpcException)
        {
            // Any status will do (issue 17 asks only for an answer): usually DEADLINE_EXCEEDED, but the
            // in-memory test server reports the server's own reset at the deadline as INTERNAL.
        }

        Assert.True(clock.Elapsed < BoundedWork.Bound, $"{input}: answered after {clock.Elapsed.TotalSeconds:F1} s");

        // The server notices the deadline at its next check. Past that, work still running would keep a
        // core busy; what remains is the runtime tidying up after a million-character call (garbage
        // collection, tiered JIT), well under half a core.
        await Task.Delay(BoundedWork.StopWithin);
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var waited = TimeSpan.FromSeconds(2);
        await Task.Delay(waited);
        process.Refresh();
        var used = process.TotalProcessorTime - before;
        Assert.True(used < waited / 2, $"{input}: {used.TotalMilliseconds:F0} ms of CPU in the {waited.TotalSeconds} s after the deadline");
    }

    public void Dispose() => _service.Dispose();
}
