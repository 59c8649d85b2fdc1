using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Infrastructure;

/// <summary>One two-replica system shared by the non-destructive cases of a collection (they run one at a time).</summary>
public sealed class ReplicaFixture : IAsyncLifetime
{
    private ReplicaSystem? _system;

    /// <summary>The system; skips the test (or fails it under SUMMARIES_REQUIRE_ALL=1) without a PostgreSQL server.</summary>
    public ReplicaSystem System
    {
        get
        {
            PostgresTestSchema.RequireServer();
            return _system ?? throw new InvalidOperationException("Not started.");
        }
    }

    public async Task InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestSchema.Variable)))
        {
            // Each annotation an ingestion replica records is logged with its article (Debug), so the
            // suite can count how often an article was annotated across replicas.
            _system = await ReplicaSystem.StartAsync(replicas: 2, withSeeds: true, extra: new Dictionary<string, string>
            {
                ["Logging__LogLevel__Summaries.Ingestion.Annotation"] = "Debug",
            });
        }
    }

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaFixture>
{
    public const string Name = "two replicas of each service";
}
