namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// Tests that read the service's meter through an OpenTelemetry exporter. A MeterProvider listens to
/// every meter of that name in the process, so these run alone, not beside other harnesses.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
