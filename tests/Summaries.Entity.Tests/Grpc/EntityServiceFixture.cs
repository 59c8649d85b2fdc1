using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Summaries.Contracts.Entity.V1;

namespace Summaries.Entity.Tests.Grpc;

/// <summary>The entity service in memory with its own temporary SQLite file, called through a real GrpcChannel.</summary>
public sealed class EntityServiceFixture : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"entity-test-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<Program> _factory;
    private readonly GrpcChannel _channel;

    public EntityServiceFixture()
        : this(_ => { })
    {
    }

    private EntityServiceFixture(Action<IServiceCollection> services)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:Entity", $"Data Source={_db}").ConfigureServices(services));
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
    }

    /// <summary>A fixture with <paramref name="services"/> added to the service's own (an interceptor, say).</summary>
    public static EntityServiceFixture With(Action<IServiceCollection> services) => new(services);

    public EntityService.EntityServiceClient Client => new(_channel);

    public static string SeedText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "blinken-xi-beijing.txt"));

    public void Dispose()
    {
        _channel.Dispose();
        _factory.Dispose();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
