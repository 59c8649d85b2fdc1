using Microsoft.Extensions.Options;
using Summaries.Ingestion.Articles;
using Summaries.Ingestion.Options;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Seeds;

/// <summary>What one seed load did.</summary>
public sealed record SeedLoadResult(int Created, int Existing, int Failed);

/// <summary>
/// Loads the seed articles once the server is listening, through <see cref="ArticleService"/> with each
/// seed's request id, so restarts never store a second copy. Missing or bad seeds are logged, never fatal.
/// </summary>
public sealed partial class SeedLoader(
    ArticleService articles,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IngestionTelemetry telemetry,
    ILogger<SeedLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            await WhenStartedAsync(stoppingToken);
            await LoadAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the seeds were loaded; they will be loaded next time.
        }
        catch (Exception ex)
        {
            LogLoadFailed(logger, ex);
        }
    }

    /// <summary>Loads every <c>NAME.json</c> + <c>NAME.txt</c> pair of the seeds folder.</summary>
    public async Task<SeedLoadResult> LoadAsync(CancellationToken cancellationToken)
    {
        var directory = SeedDirectoryLocator.Find(options.Value.Directory, environment.ContentRootPath, Environment.CurrentDirectory);
        if (directory is null)
        {
            LogNoDirectory(logger, string.IsNullOrWhiteSpace(options.Value.Directory) ? "(searched for a seeds folder)" : options.Value.Directory);
            return new SeedLoadResult(0, 0, 0);
        }

        using var activity = telemetry.ActivitySource.StartActivity("LoadSeeds");
        int created = 0, existing = 0, failed = 0;
        foreach (var jsonPath in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var command = await SeedReader.ReadAsync(jsonPath, cancellationToken);
                var outcome = await articles.CreateAsync(command, cancellationToken);
                if (outcome.Created)
                {
                    created++;
                }
                else
                {
                    existing++;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ValidationException or UnauthorizedAccessException)
            {
                failed++;
                LogBadSeed(logger, Path.GetFileName(jsonPath), ex.Message);
            }
        }

        LogLoaded(logger, created, existing, failed, directory);
        return new SeedLoadResult(created, existing, failed);
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds: {Created} loaded, {Existing} already stored, {Failed} skipped, from {Directory}")]
    private static partial void LogLoaded(ILogger logger, int created, int existing, int failed, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds are disabled (Seeds:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seeds loaded: no seeds folder found {Directory}")]
    private static partial void LogNoDirectory(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed {File} skipped: {Reason}")]
    private static partial void LogBadSeed(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading seeds failed; the service runs without them")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
