using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Summaries.Ingestion.Tests.Infrastructure.Processes;

/// <summary>
/// The real ingestion service as its own process (<c>dotnet services/Summaries.Ingestion/bin/…/Summaries.Ingestion.dll</c>)
/// on a free loopback port, with its console output captured. Adapted from the end-to-end tests' ServiceProcess.
/// </summary>
public sealed class IngestionProcess : IAsyncDisposable
{
    public const string GrpcServiceName = "summaries.ingestion.v1.IngestionService";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private IngestionProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public int ProcessId => _process.Id;

    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <summary>The service's DLL, built beside this test assembly's configuration (the project reference builds it).</summary>
    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release" : "Debug";
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "services", "Summaries.Ingestion")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new InvalidOperationException("services/Summaries.Ingestion not found above " + AppContext.BaseDirectory)
                : Path.Combine(dir.FullName, "services", "Summaries.Ingestion", "bin", configuration, "net10.0", "Summaries.Ingestion.dll");
        }
    }

    public static async Task<IngestionProcess> StartAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var dll = Dll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build Summaries.Ingestion first; {dll} is missing.");
        }

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Service__Port"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Service__Host"] = "localhost";
        info.Environment["Seeds__Enabled"] = "false";
        info.Environment["Clients__EntityService__Address"] = "http://127.0.0.1:1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the ingestion service.");
        var service = new IngestionProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitHealthyAsync(timeout);
        return service;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed by the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var client = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The ingestion service exited with {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                var reply = await client.CheckAsync(new HealthCheckRequest { Service = GrpcServiceName }, deadline: DateTime.UtcNow.AddSeconds(2));
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                last = ex;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The ingestion service was not SERVING within {timeout}: {last?.Message}\n{RecentOutput}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
