using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Summaries.Contracts.Ingestion.V1;

namespace Summaries.Ingestion.Benchmarks;

/// <summary>A server process on a free loopback port, and its memory as Linux reports it.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxSendMessageSize = null });
        Address = $"http://127.0.0.1:{port}";
    }

    public GrpcChannel Channel { get; }

    /// <summary>From process start until it answered its first call.</summary>
    public TimeSpan StartupTime { get; private set; }

    public string Address { get; }

    public static async Task<ServerProcess> StartAsync(string dll, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments.Select(a => a.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Service__Port"] = port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        var echoOutput = environment.ContainsKey("Logging__LogLevel__Default") && environment["Logging__LogLevel__Default"] != "Warning";
        process.OutputDataReceived += (_, e) => { if (echoOutput && e.Data is not null) Console.Error.WriteLine("  [server] " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  [server] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port);
        var started = Stopwatch.GetTimestamp();
        await server.WaitReadyAsync();
        server.StartupTime = Stopwatch.GetElapsedTime(started);
        return server;
    }

    /// <summary>Resident set size now, and its peak (VmRSS, VmHWM from /proc), in MiB.</summary>
    public (double Rss, double Peak) Memory()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) =>
            double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    /// <summary>CPU time the process has used so far (user + system, from /proc/PID/stat).</summary>
    public TimeSpan CpuTime() => CpuTime(_process.Id);

    /// <summary>CPU time of any process (this one too, for the client's share).</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Bytes the process has handed to write-like system calls so far, and how many such calls (wchar, syscw from /proc/PID/io).</summary>
    public (long Bytes, long Calls) Written()
    {
        var lines = File.ReadAllLines($"/proc/{_process.Id}/io");
        long Read(string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim(), CultureInfo.InvariantCulture);
        return (Read("wchar:"), Read("syscw:"));
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

    /// <summary>Ready when a ListArticles call gets any gRPC answer (the echo side answers UNIMPLEMENTED).</summary>
    private async Task WaitReadyAsync()
    {
        var client = new IngestionService.IngestionServiceClient(Channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await client.ListArticlesAsync(new ListArticlesRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(2));
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
            {
                return;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
