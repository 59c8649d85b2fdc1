using System.Diagnostics;
using System.Globalization;

namespace Summaries.Load;

/// <summary>CPU time spent so far by a process, and by the whole machine (Linux <c>/proc/stat</c>).</summary>
public static class ProcessCpu
{
    /// <summary>User plus system CPU seconds of the process; NaN once it has gone.</summary>
    public static double Seconds(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime.TotalSeconds;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// Busy CPU seconds of the whole machine since boot (every state but idle and iowait), so a
    /// phase's figures can be read against what everything else on a shared machine did meanwhile.
    /// </summary>
    public static double MachineBusySeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal: in USER_HZ ticks, 100 a second on Linux.
            var busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            return busy / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }
}
