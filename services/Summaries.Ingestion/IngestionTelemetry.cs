using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Summaries.Ingestion;

/// <summary>The service's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="Meter"/>, both named <c>Summaries.Ingestion</c>.</summary>
public sealed class IngestionTelemetry : IDisposable
{
    public const string Name = "Summaries.Ingestion";

    public IngestionTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        ArticlesCreated = meter.CreateCounter<long>(
            "summaries.ingestion.articles.created", "{article}", "Articles stored (idempotent replays and duplicates not counted).");
        AnnotationAttempts = meter.CreateCounter<long>(
            "summaries.ingestion.annotation.attempts", "{attempt}", "Calls to the entity service, tagged with their outcome.");
    }

    public ActivitySource ActivitySource { get; } = new(Name);

    public Counter<long> ArticlesCreated { get; }

    public Counter<long> AnnotationAttempts { get; }

    public void Dispose() => ActivitySource.Dispose();
}
