using Microsoft.Extensions.Options;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>
/// The one way into annotation: reads the outbox (every committed article is PENDING in the store,
/// written in the same transaction), claims the articles that are due, attempts them and records the
/// outcomes; retries are the same reading, with each article's backoff in its next attempt time. It
/// looks when this process commits (<see cref="AnnotationSignal"/>) and at least every retry interval
/// (commits of other replicas, retries falling due). Claims keep replicas on one database from
/// attempting an article at the same time; a claim left by a crashed replica runs out after
/// <see cref="AnnotationOptions.ClaimLease"/>.
/// </summary>
public sealed partial class AnnotationWorker(
    IArticleStore store,
    AnnotationDispatcher dispatcher,
    AnnotationSignal signal,
    EntityServiceCircuit circuit,
    IOptions<AnnotationOptions> options,
    TimeProvider time,
    IngestionTelemetry telemetry,
    ILogger<AnnotationWorker> logger) : BackgroundService
{
    /// <summary>Who holds this worker's claims: the host and process, and which worker in it.</summary>
    public string Claimant { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The backlog left from before a restart shows at once.
            await RefreshBacklogAsync(stoppingToken);
            var counted = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // A full claim means more may be due (a stream, a backlog after an outage): keep
                    // going until a claim comes up short or the entity service starts timing out.
                    int attempted;
                    do
                    {
                        attempted = await RunOnceAsync(stoppingToken);
                    }
                    while (attempted >= options.Value.BatchSize && !circuit.IsOpen);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPassFailed(logger, ex);
                }

                if (time.GetUtcNow() - counted >= options.Value.RetryInterval)
                {
                    await RefreshBacklogAsync(stoppingToken);
                    counted = time.GetUtcNow();
                }

                await signal.WaitAsync(options.Value.RetryInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: an article claimed and not recorded is taken again once its claim runs out.
        }
    }

    /// <summary>One pass: claims what is due (up to the batch size), attempts it; returns how many articles were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await store.ClaimDueForAnnotationAsync(
            new AnnotationClaim(Claimant, now, now + options.Value.EffectiveClaimLease), options.Value.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        using var activity = telemetry.ActivitySource.StartActivity("AnnotationPass");
        activity?.SetTag("article.count", claimed.Count);
        foreach (var article in await dispatcher.AnnotateAsync(claimed, cancellationToken))
        {
            signal.Attempted(article);
        }

        LogPass(logger, claimed.Count);
        return claimed.Count;
    }

    /// <summary>Counts the PENDING and FAILED articles for the backlog gauge (two partial-index counts).</summary>
    public async Task RefreshBacklogAsync(CancellationToken cancellationToken)
    {
        try
        {
            telemetry.RecordBacklog(await store.CountAnnotationBacklogAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The gauge keeps its last count; the next pass tries again.
            LogCountFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Annotation pass: {Attempted} articles claimed and attempted")]
    private static partial void LogPass(ILogger logger, int attempted);

    [LoggerMessage(Level = LogLevel.Error, Message = "Annotation pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the annotation backlog failed")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
