using System.Diagnostics;

namespace Summaries.Evaluation;

/// <summary>Pins this process to one processor so that throughput figures mean "on one core".</summary>
internal static class SingleCore
{
    public static string Pin()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return "not pinned on this platform; the measurement is still single-threaded";
        }

        try
        {
            var process = Process.GetCurrentProcess();
            var allowed = (long)process.ProcessorAffinity;
            var first = allowed & -allowed;
            process.ProcessorAffinity = (nint)first;
            return $"pinned to processor {System.Numerics.BitOperations.TrailingZeroCount(first)}";
        }
        catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "not pinned (" + e.Message + "); the measurement is still single-threaded";
        }
    }
}
