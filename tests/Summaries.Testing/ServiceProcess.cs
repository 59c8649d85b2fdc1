using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Summaries.Testing;

/// <summary>
/// One real service process (<c>dotnet services/X/bin/…/X.dll</c>) on a loopback port, with its
/// console output captured (JSON logs with scopes, so tests can read trace ids).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, int port, Process process, GrpcChannel channel)
    {
        Name = name;
        Port = port;
        _process = process;
        Channel = channel;
    }

    public string Name { get; }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public IReadOnlyCollection<string> Output => _output;

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>The last lines the process printed, for failure messages.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <param name="channel">
    /// Builds <see cref="Channel"/> (used for the health wait too) from the port; default cleartext
    /// <c>http://127.0.0.1:port</c>. A service with TLS or API keys on needs one that has them.
    /// </param>
    public static ServiceProcess Start(string project, int port, IDictionary<string, string> environment, Func<int, GrpcChannel>? channel = null)
    {
        var dll = RepoPaths.ServiceDll(project);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build {project} first; {dll} is missing.");
        }

        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Service__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Service__Host"] = "localhost";
        // JSON logs with scopes carry each request's TraceId, which the trace test reads.
        info.Environment["Logging__Console__FormatterName"] = "json";
        info.Environment["Logging__Console__FormatterOptions__IncludeScopes"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Information";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Information";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + project);
        var service = new ServiceProcess(project, port, process, channel?.Invoke(port) ?? GrpcChannel.ForAddress($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until the health service answers SERVING for the given service name.</summary>
    public async Task WaitHealthyAsync(string grpcServiceName, TimeSpan timeout)
    {
        var client = new Health.HealthClient(Channel);
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{string.Join('\n', _output.TakeLast(40))}");
            }

            try
            {
                var reply = await client.CheckAsync(new HealthCheckRequest { Service = grpcServiceName }, deadline: DateTime.UtcNow.AddSeconds(2));
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

        throw new TimeoutException($"{Name} was not SERVING within {timeout}: {last?.Message}\n{string.Join('\n', _output.TakeLast(40))}");
    }

    /// <summary>Waits for the process to end on its own (and its output to be read); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} was still running after {timeout}:\n{RecentOutput}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed by the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
