using Microsoft.Extensions.Hosting;
using Summaries.Ingestion.Tests.Infrastructure;

namespace Summaries.Ingestion.Tests.Storage;

/// <summary>
/// The store is migrated by the same hosted migration the other services use, then loaded, and both
/// start before any worker (hosted services start in registration order).
/// </summary>
public sealed class StoreStartupTests : IDisposable
{
    private readonly DomainHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void HostedServices_MigrationThenLoadBeforeAnyWorker()
    {
        var names = _harness.Get<IEnumerable<IHostedService>>().Select(s => s.GetType().Name).ToList();

        Assert.StartsWith("StoreMigrationService", names[0], StringComparison.Ordinal);
        Assert.Equal("ArticleStoreLoader", names[1]);
        Assert.Equal(2, names.Count(n => n.StartsWith("StoreMigrationService", StringComparison.Ordinal) || n == "ArticleStoreLoader"));
    }

    [Fact]
    public async Task StartAsync_MigrationOnAnUpToDateStore_AppliesNothingAndStoreWorks()
    {
        var migration = _harness.Get<IEnumerable<IHostedService>>().First();

        await migration.StartAsync(CancellationToken.None);
        var version = await _harness.Get<Summaries.Ingestion.Storage.IArticleStoreMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal(0, version.Applied);
        Assert.True(version.Version > 0);
        Assert.Equal(0, await _harness.Store.GetLatestSequenceAsync(CancellationToken.None));
    }
}
