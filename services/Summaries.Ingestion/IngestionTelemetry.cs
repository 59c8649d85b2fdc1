using System.Diagnostics;
using System.Diagnostics.Metrics;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion;

/// <summary>The service's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="Meter"/>, both named <c>Summaries.Ingestion</c>.</summary>
public sealed class IngestionTelemetry : IDisposable
{
    public const string Name = "Summaries.Ingestion";

    public const string BacklogInstrument = "summaries.ingestion.annotation.backlog";

    private AnnotationBacklog? _backlog;

    public IngestionTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        ArticlesCreated = meter.CreateCounter<long>(
            "summaries.ingestion.articles.created", "{article}", "Articles stored (idempotent replays and duplicates not counted).");
        AnnotationAttempts = meter.CreateCounter<long>(
            "summaries.ingestion.annotation.attempts", "{attempt}",
            "Calls to the entity service, tagged with their outcome (done; pending: failed, will retry; failed: given up; skipped) and attempt (first or retry).");
        meter.CreateObservableGauge(
            BacklogInstrument, ObserveBacklog, "{article}",
            "Articles waiting for annotation (state pending: the outbox) and given up on (state failed), as last counted by the annotation worker.");
    }

    public ActivitySource ActivitySource { get; } = new(Name);

    public Counter<long> ArticlesCreated { get; }

    public Counter<long> AnnotationAttempts { get; }

    /// <summary>Keeps the latest count for the backlog gauge; a scrape reads it and never queries the store.</summary>
    public void RecordBacklog(AnnotationBacklog backlog) => Volatile.Write(ref _backlog, backlog);

    public void Dispose() => ActivitySource.Dispose();

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        // Nothing until the first count: a zero would claim an empty outbox nobody has looked at.
        if (Volatile.Read(ref _backlog) is not { } backlog)
        {
            return [];
        }

        return
        [
            new(backlog.Pending, new KeyValuePair<string, object?>("state", "pending")),
            new(backlog.Failed, new KeyValuePair<string, object?>("state", "failed")),
        ];
    }
}
