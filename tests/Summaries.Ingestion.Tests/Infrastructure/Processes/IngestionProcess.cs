using Summaries.Testing;

namespace Summaries.Ingestion.Tests.Infrastructure.Processes;

/// <summary>
/// The real ingestion service as its own process on a free loopback port, without seeds and with
/// the entity service unreachable unless the caller says otherwise.
/// </summary>
public static class IngestionProcess
{
    public const string GrpcServiceName = "summaries.ingestion.v1.IngestionService";

    public static async Task<ServiceProcess> StartAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var settings = new Dictionary<string, string>
        {
            ["Seeds__Enabled"] = "false",
            ["Clients__EntityService__Address"] = "http://127.0.0.1:1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        var service = ServiceProcess.Start("Summaries.Ingestion", FreePort.Next(), settings);
        try
        {
            await service.WaitHealthyAsync(GrpcServiceName, timeout);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }
}
