using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Summaries.ServiceDefaults.Storage;

/// <summary>A store whose schema is brought up to date at start.</summary>
public interface IStoreMigrator
{
    /// <summary>What and where the store is, for the log (never the password).</summary>
    string Description { get; }

    Task<SchemaVersion> MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>Registers the start-up migration of a service's store.</summary>
public static class StoreMigrationExtensions
{
    /// <summary>
    /// Migrates <typeparamref name="TStore"/> when the host starts. Hosted services start before the
    /// web server listens, so no call reaches a store whose tables are missing; a failure stops the host.
    /// </summary>
    public static IServiceCollection AddStoreMigration<TStore>(this IServiceCollection services)
        where TStore : class, IStoreMigrator
    {
        services.AddHostedService<StoreMigrationService<TStore>>();
        return services;
    }
}

internal sealed partial class StoreMigrationService<TStore>(TStore store, ILogger<TStore> logger) : IHostedService
    where TStore : class, IStoreMigrator
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await store.MigrateAsync(cancellationToken);
        if (version.NewerThanBuild)
        {
            LogNewerSchema(logger, store.Description, version.Version, version.Known);
        }
        else
        {
            LogReady(logger, store.Description, version.Version, version.Applied);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Store} ready at schema v{Version} ({Applied} migrations applied)")]
    private static partial void LogReady(ILogger logger, string store, int version, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Store} is at schema v{Version}, newer than this build's v{Known}; every newer step only expands it, so this build serves on (finish the rolling upgrade)")]
    private static partial void LogNewerSchema(ILogger logger, string store, int version, int known);
}
