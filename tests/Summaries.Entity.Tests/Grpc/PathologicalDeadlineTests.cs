using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Registry;
using Summaries.Testing.Pathological;

namespace Summaries.Entity.Tests.Grpc;

/// <summary>
/// AnnotateText over real gRPC with each pathological text of the longest length the service
/// accepts and a short deadline: answered (any status) within the bound, and the handler, which does
/// the work on its own thread, ends having spent less than <see cref="BoundedWork.StopWithin"/> of
/// processor time after the deadline, so nothing of the call runs on once it is answered. Processor
/// time, not the clock: CI runs several test projects at once on two cores.
/// </summary>
public sealed class PathologicalDeadlineTests : IDisposable
{
    private readonly HandlerCpuRecorder _recorder = new();
    private readonly EntityServiceFixture _service;

    public PathologicalDeadlineTests()
    {
        _service = EntityServiceFixture.With(services => services
            .AddSingleton(_recorder)
            .Configure<GrpcServiceOptions>(o => o.Interceptors.Add<HandlerCpuRecorder>()));
    }

    public static TheoryData<string> Inputs => [.. PathologicalText.All.Select(i => i.Name)];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task AnnotateText_PathologicalTextWithDeadline_AnsweredWithinTheBoundNoCpuAfter(string input)
    {
        var text = PathologicalText.All.Single(i => i.Name == input).Build(EntityAnnotationService.MaxTextLength);
        await _service.Client.AnnotateTextAsync(new AnnotateTextRequest { Text = "Warm-up for Xi Jinping." });
        var ended = _recorder.Calls.Count;

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

        // A short input is done before its deadline; a long one must stop soon after it. (Under load
        // the server may give up before the handler runs at all: then no work was done.)
        var call = await _recorder.CallAfterAsync(ended, BoundedWork.Bound);
        if (call is { Cancelled: true })
        {
            Assert.True(call.CpuAfterCancel is { } cpu && cpu < BoundedWork.StopWithin,
                $"{input}: the handler used {call.CpuAfterCancel?.TotalSeconds:F2} s of processor time after the deadline (blank: it ended on another thread)");
        }
    }

    public void Dispose() => _service.Dispose();
}
