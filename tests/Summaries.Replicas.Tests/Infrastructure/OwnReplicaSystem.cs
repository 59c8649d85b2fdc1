using Summaries.Testing.Replicas;

namespace Summaries.Replicas.Tests.Infrastructure;

/// <summary>
/// A two-replica system of the test's own, for the cases that kill, stop or restart processes (the
/// shared <see cref="ReplicaFixture"/> must stay whole for the others).
/// </summary>
public abstract class OwnReplicaSystem : IAsyncLifetime
{
    private ReplicaSystem? _system;

    public async Task InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestSchema.Variable)))
        {
            _system = await ReplicaSystem.StartAsync(replicas: 2, withSeeds: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.DisposeAsync();
        }
    }

    /// <summary>The system; skips the test (or fails it under SUMMARIES_REQUIRE_ALL=1) without a PostgreSQL server.</summary>
    protected ReplicaSystem System()
    {
        PostgresTestSchema.RequireServer();
        return _system ?? throw new InvalidOperationException("Not started.");
    }
}
