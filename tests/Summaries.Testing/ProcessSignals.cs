using System.Globalization;

namespace Summaries.Testing;

/// <summary>
/// SIGSTOP and SIGCONT for a service process the test started: a stopped process keeps its sockets
/// open, so calls to it are accepted and never answered, and a call is provably in flight when the
/// process is then killed.
/// </summary>
public static class ProcessSignals
{
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public static Task StopAsync(ServiceProcess process) => SignalAsync(process, "-STOP");

    /// <summary>SIGTERM, as Kubernetes sends it: the host stops taking calls and drains those in flight.</summary>
    public static Task TerminateAsync(ServiceProcess process) => SignalAsync(process, "-TERM");

    /// <summary>Resumes a stopped process; harmless on a running or exited one.</summary>
    public static async Task ContinueAsync(ServiceProcess process)
    {
        if (Supported && !process.HasExited)
        {
            await SignalAsync(process, "-CONT");
        }
    }

    private static async Task SignalAsync(ServiceProcess process, string signal)
    {
        var result = await CommandRunner.RunAsync("kill", [signal, process.ProcessId.ToString(CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(10));
        Assert.True(result.ExitCode == 0 || process.HasExited, $"kill {signal} {process.ProcessId} failed: {result.Stderr}");
    }
}
