using Microsoft.Extensions.Options;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;
using Summaries.Ingestion.Storage;

namespace Summaries.Ingestion.Annotation;

/// <summary>Every retry interval, sends the PENDING articles that are due to the entity service again, in passes until none is left due.</summary>
public sealed partial class AnnotationRetryWorker(
    IArticleStore store,
    AnnotationDispatcher dispatcher,
    EntityServiceCircuit circuit,
    IOptions<AnnotationOptions> options,
    TimeProvider time,
    IngestionTelemetry telemetry,
    ILogger<AnnotationRetryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetryInterval, time);
        try
        {
            // The backlog left from before a restart shows at once, not a retry interval later.
            await RefreshBacklogAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // A full pass means more may be due (a backlog after an outage): keep going until
                    // a pass comes up short or the entity service starts timing out.
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

                await RefreshBacklogAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One pass; returns how many articles were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = await store.ListDueForAnnotationAsync(time.GetUtcNow(), options.Value.BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        using var activity = telemetry.ActivitySource.StartActivity("AnnotationRetryPass");
        var attempted = 0;
        foreach (var article in due)
        {
            var result = await dispatcher.AttemptAsync(article, cancellationToken);
            attempted++;
            if (result.AnnotationState == AnnotationState.Pending && circuit.IsOpen)
            {
                // Timing out: the rest would wait out the same deadline. They stay due for the next pass.
                break;
            }
        }

        LogPass(logger, attempted, due.Count);
        return attempted;
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
            // The gauge keeps its last count; the next tick tries again.
            LogCountFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annotation retry pass: {Attempted} of {Due} due articles attempted")]
    private static partial void LogPass(ILogger logger, int attempted, int due);

    [LoggerMessage(Level = LogLevel.Error, Message = "Annotation retry pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the annotation backlog failed")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
