using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Tests.Infrastructure;

/// <summary>
/// The whole service in memory over a temp SQLite file, seeds off, and the entity service pointing at
/// a port nothing listens on, so every article stays PENDING.
/// </summary>
public class IngestionFactory : WebApplicationFactory<Program>
{
    private readonly ITestDatabase _database;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private GrpcChannel? _channel;

    public IngestionFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>Settings applied over the defaults below.</summary>
    protected IngestionFactory(IReadOnlyDictionary<string, string> overrides, ITestDatabase? database = null)
    {
        _overrides = overrides;
        _database = database ?? new SqliteTestDatabase();
    }

    public IngestionService.IngestionServiceClient CreateGrpcClient() => new(CreateChannel());

    /// <summary>The one in-memory channel, for other clients (health) too.</summary>
    public GrpcChannel CreateChannel() =>
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Ingestion", _database.ConnectionString);
        builder.UseSetting("Seeds:Enabled", "false");
        builder.UseSetting("Clients:EntityService:Address", "http://127.0.0.1:1");
        builder.UseSetting("Ingestion:Annotation:CallTimeout", "00:00:02");
        foreach (var (key, value) in _overrides)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
