using Microsoft.Extensions.Time.Testing;
using Summaries.Ingestion.Annotation;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Annotation;

public sealed class EntityServiceCircuitTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly EntityServiceCircuit _circuit;

    public EntityServiceCircuitTests() =>
        _circuit = new EntityServiceCircuit(_time, Microsoft.Extensions.Options.Options.Create(new AnnotationOptions { RetryInterval = TimeSpan.FromSeconds(5) }));

    [Fact]
    public void IsOpen_AfterTimeout_ForOneRetryInterval()
    {
        Assert.False(_circuit.IsOpen);
        _circuit.RecordTimeout();
        Assert.True(_circuit.IsOpen);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(_circuit.IsOpen);
    }

    [Fact]
    public void RecordSuccess_WhileOpen_Closes()
    {
        _circuit.RecordTimeout();
        _circuit.RecordSuccess();
        Assert.False(_circuit.IsOpen);
    }
}
